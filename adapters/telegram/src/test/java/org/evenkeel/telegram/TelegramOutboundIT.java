package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.memory.InMemoryChatMigrations;
import org.evenkeel.core.memory.InMemoryMessageRefs;
import org.evenkeel.core.memory.InMemoryRateLimits;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Sending a turn's effects with the real client to the fake Bot API. */
class TelegramOutboundIT {

  private static final ConversationAddress ANN = new ConversationAddress("telegram", "42", "42");

  private static final ConversationAddress GROUP =
      new ConversationAddress("telegram", "-100777", "42");

  private final FakeBotApi api = FakeBotApi.start();
  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  /** Records each pause and lets that much time pass on the buckets' clock. */
  private final Sleeper sleeper =
      d -> {
        pauses.add(d);
        clock.advance(d);
      };

  private final InMemoryRateLimits buckets = new InMemoryRateLimits(clock);
  private final InMemoryMessageRefs refs = new InMemoryMessageRefs();
  private final InMemoryChatMigrations migrations = new InMemoryChatMigrations();
  private final TelegramOutbound outbound = outbound(SendLimits.DEFAULTS);

  private TelegramOutbound outbound(SendLimits limits) {
    return new TelegramOutbound(
        new OkHttpTelegramClient(api.token(), api.telegramUrl()),
        new TelegramRenderer(),
        buckets,
        limits,
        refs,
        migrations,
        sleeper);
  }

  @AfterEach
  void close() {
    api.close();
  }

  private static SendMessage text(String text) {
    return SendMessage.text(FormattedText.of(text));
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
  void anEdit_findsTheMessage_whicheverInstanceSentIt() {
    outbound.deliver(ANN, List.of(timerLine("Breathe in… 4")));
    int id = api.botMessages(42).get(0).messageId();

    TelegramOutbound another = outbound(SendLimits.DEFAULTS); // shares the refs, as on Redis
    another.deliver(ANN, List.of(new EditMessage("pace", FormattedText.of("Hold… 4"), List.of())));

    assertThat(api.message(42, id)).map(m -> m.text()).contains("Hold… 4");
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void anEditOfAMessageDeletedMeanwhile_isSentAsNew_andLaterEditsChangeTheNewOne() {
    outbound.deliver(ANN, List.of(timerLine("Breathe in… 4")));
    api.failNext("editMessageText", 1, Failure.badRequest("message to edit not found"));

    outbound.deliver(ANN, List.of(new EditMessage("pace", FormattedText.of("Hold… 4"), List.of())));
    int fresh = api.botMessages(42).get(1).messageId();
    outbound.deliver(ANN, List.of(new EditMessage("pace", FormattedText.of("Out… 4"), List.of())));

    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::text)
        .containsExactly("Breathe in… 4", "Hold… 4");
    assertThat(api.message(42, fresh)).map(m -> m.text()).contains("Out… 4");
    assertThat(refs.recall(ANN, "pace")).contains(Integer.toString(fresh));
  }

  @Test
  void aChatsMessages_arePacedByItsBucket_afterABurst() {
    SendLimits limits =
        new SendLimits(
            Rate.perSecond(1000),
            Rate.perSecond(1).withCapacity(3),
            Rate.perMinute(20),
            Rate.perSecond(1000));
    List<Effect> five =
        List.of(text("one"), text("two"), text("three"), text("four"), text("five"));

    outbound(limits).deliver(ANN, five);

    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::text)
        .containsExactly("one", "two", "three", "four", "five");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aGroup_isAlsoPacedByItsPerMinuteBucket() {
    SendLimits limits =
        new SendLimits(
            Rate.perSecond(1000), Rate.perSecond(1000), Rate.perMinute(2), Rate.perSecond(1000));

    outbound(limits).deliver(GROUP, List.of(text("one"), text("two"), text("three")));

    assertThat(api.calls("sendMessage")).extracting(RecordedCall::text).hasSize(3);
    assertThat(pauses).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void theProactiveLane_takesFromItsOwnBucketToo_andRepliesDoNot() {
    SendLimits limits =
        new SendLimits(
            Rate.perSecond(1000), Rate.perSecond(1000), Rate.perMinute(1000), Rate.perMinute(1));
    TelegramOutbound paced = outbound(limits);

    paced.deliver(ANN, List.of(text("check-in 1")), Lane.PROACTIVE);
    paced.deliver(ANN, List.of(text("reply 1"), text("reply 2")), Lane.INTERACTIVE);
    assertThat(pauses).isEmpty();

    paced.deliver(ANN, List.of(text("check-in 2")), Lane.PROACTIVE);

    assertThat(pauses).containsExactly(Duration.ofMinutes(1));
    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::text)
        .containsExactly("check-in 1", "reply 1", "reply 2", "check-in 2");
  }

  @Test
  void aTypingIndicator_takesNoToken() {
    SendLimits limits =
        new SendLimits(
            Rate.perSecond(1000), Rate.perMinute(1), Rate.perMinute(1000), Rate.perSecond(1000));

    outbound(limits).deliver(ANN, List.of(new ShowTyping(), text("one"), new ShowTyping()));

    assertThat(api.calls("sendChatAction")).hasSize(2);
    assertThat(pauses).isEmpty();
  }

  @Test
  void serverErrors_areTriedAgainWithGrowingPauses_andTheMessageSentOnce() {
    api.failNext("sendMessage", 3, Failure.serverError(502));

    outbound.deliver(ANN, List.of(text("hello"), text("again")));

    assertThat(pauses)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(api.calls("sendMessage"))
        .filteredOn(RecordedCall::succeeded)
        .extracting(RecordedCall::text)
        .containsExactly("hello", "again");
  }

  @Test
  void aProxysBadGatewayPage_isTriedAgainLikeAny5xx() {
    api.failNext("sendMessage", 1, Failure.badGatewayPage());

    outbound.deliver(ANN, List.of(text("hello")));

    assertThat(pauses).containsExactly(Duration.ofMillis(500));
    assertThat(api.calls("sendMessage"))
        .filteredOn(RecordedCall::succeeded)
        .extracting(RecordedCall::text)
        .containsExactly("hello");
  }

  @Test
  void aServerThatCannotBeReached_isTriedAgain_thenGivenUp_withoutTheText() {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TelegramOutbound unreachable =
        new TelegramOutbound(
            new OkHttpTelegramClient(
                api.token(),
                new org.telegram.telegrambots.meta.TelegramUrl(
                    "http", "127.0.0.1", closedPort, false)),
            new TelegramRenderer(),
            buckets,
            SendLimits.DEFAULTS,
            refs,
            migrations,
            sleeper);

    assertThatThrownBy(() -> unreachable.deliver(ANN, List.of(text("secret words"))))
        .isInstanceOf(TelegramOutbound.TelegramDeliveryException.class)
        .hasMessageNotContaining("secret");

    assertThat(pauses.subList(0, 6))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16));
    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus))
        .isLessThanOrEqualTo(TelegramOutbound.GIVE_UP_AFTER)
        .isGreaterThan(TelegramOutbound.GIVE_UP_AFTER.minus(TelegramOutbound.MAX_BACKOFF));
  }

  @Test
  void aGroupThatBecameASupergroup_isSentToAtItsNewId_andTheMoveIsRemembered() {
    ConversationAddress inGroup = new ConversationAddress("telegram", "-4242", "42");
    api.migrateGroup(-4242, -1004242, FakeUser.of(42));

    outbound.deliver(inGroup, List.of(text("one"), text("two")));

    assertThat(api.calls("sendMessage"))
        .extracting(c -> c.chatId() + (c.succeeded() ? " ok" : " refused"))
        .containsExactly("-4242 refused", "-1004242 ok", "-1004242 ok");
    assertThat(migrations.sendId("telegram", "-4242")).isEqualTo("-1004242");
    assertThat(migrations.stateId("telegram", "-1004242")).isEqualTo("-4242");
  }

  @Test
  void aKnownMove_goesStraightToTheNewId() {
    ConversationAddress inGroup = new ConversationAddress("telegram", "-4242", "42");
    migrations.moved("telegram", "-4242", "-1004242");

    outbound.deliver(inGroup, List.of(text("hello")));

    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::chatId)
        .containsExactly("-1004242");
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
        .isInstanceOf(MemberUnreachableException.class)
        .hasMessageContaining("403")
        .hasMessageNotContaining("secret");
    assertThat(api.calls("sendMessage")).hasSize(1);
  }
}
