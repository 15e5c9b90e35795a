package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.telegram.SplitHtmlTest.words;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeMessage;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Rendered calls executed by the real TelegramBots client against the fake Bot API, which reads
 * their HTML and checks their limits as Telegram does.
 */
class TelegramRendererIT {

  private static final long CHAT = 42L;
  private static final List<Choice> SCALE =
      List.of(
          new Choice("1 · Really rough", "s9.1"),
          new Choice("2", "s9.2"),
          new Choice("3", "s9.3"),
          new Choice("4", "s9.4"),
          new Choice("5 · Really good", "s9.5"));

  private final FakeBotApi api = FakeBotApi.start();
  private final OkHttpTelegramClient client =
      new OkHttpTelegramClient(api.token(), api.telegramUrl());
  private final TelegramRenderer renderer = new TelegramRenderer();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aLongFormattedMessageWithButtons_arrivesInPartsWithTheKeyboardOnTheLast()
      throws TelegramApiException {
    String member = "Tom & Jerry <3 *not bold* ";
    FormattedText text =
        FormattedText.of(
            "*How are you?* _"
                + words(3000)
                + "_\n\n"
                + FormattedText.escape(member.repeat(120))
                + "\n*"
                + words(2000)
                + "*");

    List<Message> sent = execute(new SendMessage(text, SCALE, Optional.of("mood")));

    List<RecordedCall> calls = api.awaitSuccessfulCalls("sendMessage", 3);
    assertThat(sent).hasSize(3);
    assertThat(calls).extracting(c -> c.param("parse_mode").orElseThrow()).containsOnly("HTML");
    List<FakeMessage> shown = api.botMessages(CHAT);
    assertThat(shown).hasSize(3);
    assertThat(shown.subList(0, 2)).allSatisfy(m -> assertThat(m.replyMarkup()).isEmpty());
    JsonNode keyboard = shown.get(2).replyMarkup().orElseThrow().get("inline_keyboard");
    assertThat(rows(keyboard))
        .containsExactly(
            List.of("1 · Really rough"), List.of("2", "3", "4"), List.of("5 · Really good"));
    assertThat(keyboard.get(1).get(0).get("callback_data").asText()).isEqualTo("s9.2");
    assertThat(sent.get(0).getText()).startsWith("How are you? word").hasSizeLessThan(4097);
    assertThat(sent.get(1).getText()).startsWith(member).endsWith(member.strip());
    assertThat(sent.get(2).getText()).isEqualTo(words(2000));
    assertThat(calls.get(2).text()).startsWith("<b>word").endsWith("</b>");
  }

  @Test
  void anEditOfTheLastPart_truncatesAndRemovesTheKeyboardOnTelegram() throws TelegramApiException {
    List<Message> sent =
        execute(SendMessage.withChoices(FormattedText.of("Breathe *in*… 4"), SCALE));
    int messageId = sent.get(0).getMessageId();

    for (TelegramCall call :
        renderer.render(
            CHAT,
            new EditMessage("pace", FormattedText.of(words(5000)), List.of()),
            Optional.of(messageId))) {
      client.execute(
          (org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText)
              call.method());
    }

    FakeMessage now = api.message(CHAT, messageId).orElseThrow();
    assertThat(now.edits()).isEqualTo(1);
    assertThat(now.replyMarkup()).isEmpty();
    assertThat(now.text()).endsWith("…").hasSizeLessThanOrEqualTo(4096);
  }

  @Test
  void typingAndAProtectedDocumentWithALongCaption_areAccepted() throws TelegramApiException {
    byte[] json = "{\"journal\":[]}".getBytes(StandardCharsets.UTF_8);
    execute(new ShowTyping());
    List<Message> sent =
        execute(
            new SendFile(
                "evenkeel-export.json",
                "application/json",
                json,
                FormattedText.of("*Your data* " + words(1500)),
                true));

    assertThat(api.awaitSuccessfulCalls("sendChatAction", 1).get(0).param("action"))
        .contains("typing");
    RecordedCall document = api.awaitSuccessfulCalls("sendDocument", 1).get(0);
    assertThat(document.parameters().file("evenkeel-export.json").orElseThrow().bytes())
        .isEqualTo(json);
    assertThat(document.param("caption")).isEmpty();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getHasProtectedContent()).isTrue();
    assertThat(sent.get(1).getText()).startsWith("Your data word");
  }

  @Test
  void aPicture_goesAsAProtectedPhoto_withItsCaption() throws TelegramApiException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    List<Message> sent =
        execute(
            new SendFile(
                "mood-7-days.png", "image/png", png, FormattedText.of("Your *mood*"), true));

    RecordedCall photo = api.awaitSuccessfulCalls("sendPhoto", 1).get(0);
    assertThat(photo.parameters().file("mood-7-days.png").orElseThrow().bytes()).isEqualTo(png);
    assertThat(photo.param("caption")).contains("Your <b>mood</b>");
    assertThat(photo.param("parse_mode")).contains("HTML");
    assertThat(api.calls("sendDocument")).isEmpty();
    assertThat(sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getHasProtectedContent()).isTrue();
              assertThat(m.getPhoto()).isNotEmpty();
            });
  }

  /** Executes every call rendered for {@code effect}, in order; returns the messages sent. */
  private List<Message> execute(Effect effect) throws TelegramApiException {
    List<Message> sent = new ArrayList<>();
    for (TelegramCall call : renderer.render(CHAT, effect)) {
      if (call instanceof TelegramCall.Message message) {
        sent.add(client.execute(message.method()));
      } else if (call instanceof TelegramCall.Document document) {
        sent.add(document.sendWith(client));
      } else if (call instanceof TelegramCall.Typing typing) {
        client.execute(typing.method());
      } else {
        throw new AssertionError("unexpected " + call);
      }
    }
    return sent;
  }

  private static List<List<String>> rows(JsonNode keyboard) {
    List<List<String>> rows = new ArrayList<>();
    keyboard.forEach(
        row -> {
          List<String> labels = new ArrayList<>();
          row.forEach(button -> labels.add(button.get("text").asText()));
          rows.add(labels);
        });
    return rows;
  }
}
