package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Sending a turn's effects with the real client to the fake Bot API. */
class TelegramOutboundIT {

  private static final ConversationAddress ANN = new ConversationAddress("telegram", "42", "42");

  private final FakeBotApi api = FakeBotApi.start();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final TelegramOutbound outbound =
      new TelegramOutbound(
          new OkHttpTelegramClient(api.token(), api.telegramUrl()),
          new TelegramRenderer(),
          pauses::add);

  @AfterEach
  void close() {
    api.close();
  }

  private static SendMessage timerLine(String text) {
    return new SendMessage(FormattedText.of(text), List.of(), Optional.of("pace"));
  }

  @Test
  void aTurnsEffects_areSentInOrder_asHtml_withButtons() {
    outbound.deliver(
        ANN,
        List.of(
            new ShowTyping(),
            SendMessage.text(FormattedText.of("*Breathe* with me, <friend> & family")),
            SendMessage.withChoices(
                FormattedText.of("Ready?"),
                List.of(new Choice("Yes", "s1.y"), new Choice("No", "s1.n")))));

    List<RecordedCall> sent = api.calls("sendMessage");
    assertThat(api.calls("sendChatAction")).hasSize(1);
    assertThat(sent)
        .extracting(RecordedCall::text)
        .containsExactly("<b>Breathe</b> with me, &lt;friend&gt; &amp; family", "Ready?");
    assertThat(sent.get(1).json("reply_markup").orElseThrow().toString()).contains("s1.y", "s1.n");
  }

  @Test
  void anEdit_changesTheMessageSentWithItsRef_inPlace() {
    outbound.deliver(ANN, List.of(timerLine("Breathe in… 4")));
    int id = api.botMessages(42).get(0).messageId();

    outbound.deliver(ANN, List.of(new EditMessage("pace", FormattedText.of("Hold… 4"), List.of())));

    assertThat(api.calls("editMessageText"))
        .singleElement()
        .satisfies(c -> assertThat(c.param("message_id")).contains(Integer.toString(id)));
    assertThat(api.message(42, id)).map(m -> m.text()).contains("Hold… 4");
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void anEditThatChangesNothing_isDone_andOneOfAnUnknownMessage_isSentAsNew() {
    outbound.deliver(ANN, List.of(timerLine("Breathe in… 4")));
    api.failNext("editMessageText", 1, Failure.badRequest("message is not modified"));

    outbound.deliver(
        ANN, List.of(new EditMessage("pace", FormattedText.of("Breathe in… 4"), List.of())));
    outbound.deliver(
        ANN, List.of(new EditMessage("other", FormattedText.of("Well done"), List.of())));

    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::text)
        .containsExactly("Breathe in… 4", "Well done");
  }

  @Test
  void tooManyRequests_isWaitedOut_andTheMessageSentOnce() {
    api.failNext("sendMessage", 2, Failure.tooManyRequests(5));

    outbound.deliver(ANN, List.of(SendMessage.text(FormattedText.of("hello"))));

    assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(api.calls("sendMessage")).filteredOn(RecordedCall::succeeded).hasSize(1);
  }

  @Test
  void aBlockedMember_stopsTheDelivery_withTheCodeOnly() {
    api.failNext("sendMessage", 1, Failure.botBlocked());

    assertThatThrownBy(
            () ->
                outbound.deliver(
                    ANN,
                    List.of(
                        SendMessage.text(FormattedText.of("secret words")),
                        SendMessage.text(FormattedText.of("more")))))
        .isInstanceOf(TelegramOutbound.TelegramDeliveryException.class)
        .hasMessageContaining("403")
        .hasMessageNotContaining("secret");
    assertThat(api.calls("sendMessage")).hasSize(1);
  }
}
