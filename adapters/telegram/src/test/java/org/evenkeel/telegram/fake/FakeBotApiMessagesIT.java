package org.evenkeel.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.evenkeel.telegram.fake.RawBotApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's sending methods: what they record, answer and refuse. */
class FakeBotApiMessagesIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final RawBotApiClient client = new RawBotApiClient(api);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void sendMessage_isRecorded_andAnsweredWithAMessage() {
    Answer first = client.json("sendMessage", Map.of("chat_id", "42", "text", "Hello"));
    Answer second = client.json("sendMessage", Map.of("chat_id", 42, "text", "Again"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.result().get("message_id").asInt()).isPositive();
    assertThat(second.result().get("message_id").asInt())
        .isEqualTo(first.result().get("message_id").asInt() + 1);
    assertThat(first.result().at("/chat/id").asLong()).isEqualTo(42);
    assertThat(first.result().at("/chat/type").asText()).isEqualTo("private");
    assertThat(first.result().at("/from/username").asText()).isEqualTo(api.botUsername());
    assertThat(first.result().get("date").asLong()).isPositive();
    assertThat(first.result().get("text").asText()).isEqualTo("Hello");
    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::text)
        .containsExactly("Hello", "Again");
  }

  @Test
  void messageIds_areSharedWithTheMembersMessagesInTheChat() {
    api.enqueue(api.updates().privateText(ANN, "hi"));

    Answer reply = client.json("sendMessage", Map.of("chat_id", 42, "text", "Hello"));

    assertThat(reply.result().get("message_id").asInt()).isEqualTo(2);
  }

  @Test
  void formEncodedParameters_areReadLikeJson() {
    String markup = "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"g\"}]]}";
    client.form(
        "sendMessage",
        "chat_id=42&text=caf%C3%A9+%26+tea&reply_markup="
            + java.net.URLEncoder.encode(markup, StandardCharsets.UTF_8));

    RecordedCall call = api.awaitCalls("sendMessage", 1).get(0);
    assertThat(call.text()).isEqualTo("café & tea");
    assertThat(
            call.json("reply_markup")
                .orElseThrow()
                .at("/inline_keyboard/0/0/callback_data")
                .asText())
        .isEqualTo("g");
  }

  @Test
  void aText_isLimitedTo4096Characters_afterEntityParsing() {
    String longest = "a".repeat(4096);

    Answer fits = client.json("sendMessage", Map.of("chat_id", 42, "text", longest));
    Answer fitsWithMarkup =
        client.json(
            "sendMessage",
            Map.of("chat_id", 42, "text", "<b>" + longest + "</b>", "parse_mode", "HTML"));
    Answer tooLong = client.json("sendMessage", Map.of("chat_id", 42, "text", longest + "a"));
    Answer emojisFit = client.json("sendMessage", Map.of("chat_id", 42, "text", "😊".repeat(4096)));

    assertThat(fits.status()).isEqualTo(200);
    assertThat(fitsWithMarkup.status()).isEqualTo(200);
    assertThat(emojisFit.status()).isEqualTo(200);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.description()).isEqualTo("Bad Request: message is too long");
  }

  @Test
  void anEmptyText_isRefused() {
    assertThat(client.json("sendMessage", Map.of("chat_id", 42, "text", " ")).description())
        .isEqualTo("Bad Request: message text is empty");
    assertThat(
            client
                .json("sendMessage", Map.of("chat_id", 42, "text", "<b></b>", "parse_mode", "HTML"))
                .description())
        .isEqualTo("Bad Request: message text is empty");
  }

  @Test
  void callbackData_isLimitedTo64Bytes() {
    Answer fits = sendWithButton("x".repeat(64));
    Answer twoByteCharacters = sendWithButton("é".repeat(33));

    assertThat(fits.status()).isEqualTo(200);
    assertThat(twoByteCharacters.status()).isEqualTo(400);
    assertThat(twoByteCharacters.description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
  }

  @Test
  void anInlineButtonWithoutAnAction_isRefused() {
    Answer answer =
        client.json(
            "sendMessage",
            Map.of(
                "chat_id",
                42,
                "text",
                "Pick",
                "reply_markup",
                Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Go"))))));

    assertThat(answer.description())
        .isEqualTo(
            "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the"
                + " inline keyboard");
  }

  @Test
  void htmlThatDoesNotParse_isRefused_withTelegramsDescription() {
    Answer unbalanced = html("<b>bold <i>both</b></i>");
    Answer unknownTag = html("<div>block</div>");
    Answer bareLessThan = html("1 < 2");
    Answer bareAmpersand = html("Tom & Jerry");
    Answer fine = html("<b>Tom &amp; Jerry</b> &lt;3 <a href=\"https://example.org\">x</a>");

    assertThat(unbalanced.description())
        .isEqualTo(
            "Bad Request: can't parse entities: Unmatched end tag at byte offset 15, expected"
                + " \"</i>\", found \"</b>\"");
    assertThat(unknownTag.description())
        .isEqualTo(
            "Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 0");
    assertThat(bareLessThan.description()).startsWith("Bad Request: can't parse entities: ");
    assertThat(bareAmpersand.description()).startsWith("Bad Request: can't parse entities: ");
    assertThat(fine.status()).isEqualTo(200);
    assertThat(fine.result().get("text").asText()).isEqualTo("Tom & Jerry <3 x");
  }

  @Test
  void markdownV2WithAnUnescapedReservedCharacter_isRefused() {
    Answer refused =
        client.json(
            "sendMessage",
            Map.of("chat_id", 42, "text", "Day 3. Well done!", "parse_mode", "MarkdownV2"));
    Answer fine =
        client.json(
            "sendMessage",
            Map.of("chat_id", 42, "text", "*Day 3\\.* Well done\\!", "parse_mode", "MarkdownV2"));

    assertThat(refused.description())
        .isEqualTo(
            "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with"
                + " the preceding '\\'");
    assertThat(fine.result().get("text").asText()).isEqualTo("Day 3. Well done!");
  }

  @Test
  void anUnknownParseMode_isRefused() {
    assertThat(
            client
                .json("sendMessage", Map.of("chat_id", 42, "text", "x", "parse_mode", "BBCode"))
                .description())
        .isEqualTo("Bad Request: unsupported parse_mode");
  }

  @Test
  void editMessageText_changesTheMessage_andRefusesAnEditThatChangesNothing() {
    int id = sendWithButton("tick").result().get("message_id").asInt();

    Answer edited =
        client.json(
            "editMessageText", Map.of("chat_id", 42, "message_id", id, "text", "Breathe in… 4"));
    Answer same =
        client.json(
            "editMessageText", Map.of("chat_id", 42, "message_id", id, "text", "Breathe in… 4"));
    Answer missing =
        client.json("editMessageText", Map.of("chat_id", 42, "message_id", 999, "text", "x"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.result().get("edit_date").asLong()).isPositive();
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.description()).startsWith("Bad Request: message is not modified");
    assertThat(missing.description()).isEqualTo("Bad Request: message to edit not found");
    FakeMessage now = api.message(42, id).orElseThrow();
    assertThat(now.text()).isEqualTo("Breathe in… 4");
    assertThat(now.replyMarkup()).as("an edit without reply_markup removes the keyboard").isEmpty();
    assertThat(now.edits()).isEqualTo(1);
  }

  @Test
  void aMembersMessage_cannotBeEdited() {
    api.enqueue(api.updates().privateText(ANN, "mine"));

    Answer answer =
        client.json("editMessageText", Map.of("chat_id", 42, "message_id", 1, "text", "x"));

    assertThat(answer.description()).isEqualTo("Bad Request: message can't be edited");
  }

  @Test
  void editMessageReplyMarkup_replacesTheKeyboard_andRefusesTheSameOne() {
    int id = sendWithButton("a").result().get("message_id").asInt();
    Map<String, Object> other = keyboard("b");

    Answer changed =
        client.json(
            "editMessageReplyMarkup",
            Map.of("chat_id", 42, "message_id", id, "reply_markup", other));
    Answer same =
        client.json(
            "editMessageReplyMarkup",
            Map.of("chat_id", 42, "message_id", id, "reply_markup", other));
    Answer removed = client.json("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", id));

    assertThat(changed.result().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
        .isEqualTo("b");
    assertThat(same.description()).startsWith("Bad Request: message is not modified");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(api.message(42, id).orElseThrow().replyMarkup()).isEmpty();
  }

  @Test
  void deleteMessage_deletesOnce() {
    int id =
        client
            .json("sendMessage", Map.of("chat_id", 42, "text", "x"))
            .result()
            .get("message_id")
            .asInt();

    Answer deleted = client.json("deleteMessage", Map.of("chat_id", 42, "message_id", id));
    Answer again = client.json("deleteMessage", Map.of("chat_id", 42, "message_id", id));

    assertThat(deleted.result().asBoolean()).isTrue();
    assertThat(again.description()).isEqualTo("Bad Request: message to delete not found");
    assertThat(api.message(42, id).orElseThrow().deleted()).isTrue();
  }

  @Test
  void answerCallbackQuery_knowsTheQueriesItSent() {
    String id = api.updates().callbackQuery(ANN, 7, "go").at("/callback_query/id").asText();

    Answer unknown = client.json("answerCallbackQuery", Map.of("callback_query_id", "123"));
    assertThat(api.callbackQueryAnswered(id)).isFalse();
    Answer answered =
        client.json("answerCallbackQuery", Map.of("callback_query_id", id, "text", "Done"));

    assertThat(unknown.description())
        .isEqualTo(
            "Bad Request: query is too old and response timeout expired or query ID is invalid");
    assertThat(answered.result().asBoolean()).isTrue();
    assertThat(api.callbackQueryAnswered(id)).isTrue();
  }

  @Test
  void sendChatAction_acceptsOnlyTelegramsActions() {
    assertThat(client.json("sendChatAction", Map.of("chat_id", 42, "action", "typing")).ok())
        .isTrue();
    assertThat(
            client
                .json("sendChatAction", Map.of("chat_id", 42, "action", "thinking"))
                .description())
        .isEqualTo("Bad Request: wrong parameter action in request");
  }

  @Test
  void sendDocument_keepsTheUpload_itsName_caption_andProtection() {
    byte[] export = "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8);

    Answer answer =
        client.multipart(
            "sendDocument",
            Map.of(
                "chat_id",
                "42",
                "caption",
                "Your export",
                "protect_content",
                "true",
                "document",
                "attach://export.json"),
            "export.json",
            "export.json",
            export);

    RecordedCall call = api.awaitCalls("sendDocument", 1).get(0);
    UploadedFile file = call.parameters().file("export.json").orElseThrow();
    assertThat(file.fileName()).isEqualTo("export.json");
    assertThat(file.bytes()).isEqualTo(export);
    assertThat(call.param("caption")).contains("Your export");
    assertThat(call.parameters().flag("protect_content")).isTrue();
    assertThat(answer.result().at("/document/file_name").asText()).isEqualTo("export.json");
    assertThat(answer.result().at("/document/file_size").asInt()).isEqualTo(export.length);
    assertThat(answer.result().get("has_protected_content").asBoolean()).isTrue();
  }

  @Test
  void sendDocument_withoutADocument_isRefused() {
    assertThat(client.json("sendDocument", Map.of("chat_id", 42, "caption", "x")).description())
        .isEqualTo("Bad Request: there is no document in the request");
  }

  @Test
  void setMyCommands_isKeptPerLanguage_andChecksCommandNames() {
    Answer english =
        client.json(
            "setMyCommands",
            Map.of("commands", List.of(Map.of("command", "sos", "description", "Help now"))));
    Answer german =
        client.json(
            "setMyCommands",
            Map.of(
                "commands",
                List.of(Map.of("command", "sos", "description", "Hilfe")),
                "language_code",
                "de"));
    Answer invalid =
        client.json(
            "setMyCommands",
            Map.of("commands", List.of(Map.of("command", "SOS", "description", "x"))));

    assertThat(english.ok()).isTrue();
    assertThat(german.ok()).isTrue();
    assertThat(api.myCommands("de").orElseThrow().at("/0/description").asText()).isEqualTo("Hilfe");
    assertThat(api.myCommands("").orElseThrow().at("/0/description").asText())
        .isEqualTo("Help now");
    assertThat(api.calls("setMyCommands").get(1).param("language_code")).contains("de");
    assertThat(invalid.description()).isEqualTo("Bad Request: BOT_COMMAND_INVALID");
  }

  @Test
  void setWebhook_wantsHttpsOnAnAllowedPort_andAValidSecret() {
    assertThat(
            client.json("setWebhook", Map.of("url", "http://bot.example.org/hook")).description())
        .isEqualTo("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    assertThat(
            client
                .json("setWebhook", Map.of("url", "https://bot.example.org:9443/hook"))
                .description())
        .isEqualTo(
            "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    assertThat(
            client
                .json(
                    "setWebhook",
                    Map.of("url", "https://bot.example.org/hook", "secret_token", "a:b"))
                .description())
        .isEqualTo("Bad Request: secret token contains unallowed characters");

    Answer set =
        client.json(
            "setWebhook",
            Map.of("url", "https://bot.example.org:8443/hook", "secret_token", "s3cr-et_"));
    Answer info = client.json("getWebhookInfo", Map.of());

    assertThat(set.ok()).isTrue();
    assertThat(api.webhookUrl()).contains("https://bot.example.org:8443/hook");
    assertThat(info.result().get("url").asText()).isEqualTo("https://bot.example.org:8443/hook");
    assertThat(api.calls("setWebhook"))
        .last()
        .satisfies(c -> assertThat(c.param("secret_token")).contains("s3cr-et_"));
  }

  private Answer html(String text) {
    return client.json("sendMessage", Map.of("chat_id", 42, "text", text, "parse_mode", "html"));
  }

  private Answer sendWithButton(String callbackData) {
    return client.json(
        "sendMessage",
        Map.of("chat_id", 42, "text", "Pick one", "reply_markup", keyboard(callbackData)));
  }

  private static Map<String, Object> keyboard(String callbackData) {
    return Map.of(
        "inline_keyboard", List.of(List.of(Map.of("text", "Go", "callback_data", callbackData))));
  }
}
