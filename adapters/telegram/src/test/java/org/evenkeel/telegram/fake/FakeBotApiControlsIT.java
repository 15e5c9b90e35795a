package org.evenkeel.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.evenkeel.telegram.fake.RawBotApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's token check, routing, failure injection, scenario helpers and waits. */
class FakeBotApiControlsIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final RawBotApiClient client = new RawBotApiClient(api);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void getMe_answersTheBotUser() {
    Answer answer = client.json("getMe", Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isTrue();
    assertThat(answer.result().get("id").asLong()).isEqualTo(1234567890L);
    assertThat(answer.result().get("is_bot").asBoolean()).isTrue();
    assertThat(answer.result().get("username").asText()).isEqualTo(FakeBotApi.DEFAULT_BOT_USERNAME);
  }

  @Test
  void anotherToken_isUnauthorized_andRecordedAsSuch() {
    Answer answer = new RawBotApiClient(api, "1234567890:wrong").json("getMe", Map.of());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("ok").asBoolean()).isFalse();
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(401);
    assertThat(answer.description()).isEqualTo("Unauthorized");
    assertThat(api.calls("getMe"))
        .singleElement()
        .satisfies(c -> assertThat(c.tokenAccepted()).isFalse());
  }

  @Test
  void anUnknownMethod_isNotFound() {
    Answer answer = client.json("sendTelepathy", Map.of());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.description()).isEqualTo("Not Found");
  }

  @Test
  void methodNames_matchInAnyCase_andAreRecordedAsDocumented() {
    client.json("sendmessage", Map.of("chat_id", 42, "text", "a"));
    client.json("SENDMESSAGE", Map.of("chat_id", 42, "text", "b"));

    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::method)
        .containsOnly("sendMessage");
    assertThat(api.count("sendmessage")).isEqualTo(2);
    assertThat(api.counts()).containsEntry("sendMessage", 2);
  }

  @Test
  void tooManyRequests_carriesRetryAfter_forTheNextCallsOnly() {
    api.failNext("sendMessage", 2, Failure.tooManyRequests(3));

    Answer first = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    Answer second = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    Answer third = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.description()).isEqualTo("Too Many Requests: retry after 3");
    assertThat(first.body().at("/parameters/retry_after").asInt()).isEqualTo(3);
    assertThat(second.status()).isEqualTo(429);
    assertThat(third.status()).isEqualTo(200);
    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::succeeded)
        .containsExactly(false, false, true);
  }

  @Test
  void failuresForOneMethod_queueUp_andLeaveOtherMethodsAlone() {
    api.failNext("sendMessage", 1, Failure.botBlocked());
    api.failNext("sendMessage", 1, Failure.serverError(500));
    api.failNext("sendMessage", 1, Failure.badRequest("message is not modified"));

    Answer typing = client.json("sendChatAction", Map.of("chat_id", 42, "action", "typing"));
    Answer blocked = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    Answer broken = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    Answer notModified = client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));

    assertThat(typing.status()).isEqualTo(200);
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
    assertThat(broken.status()).isEqualTo(500);
    assertThat(broken.description()).isEqualTo("Internal Server Error");
    assertThat(notModified.description()).isEqualTo("Bad Request: message is not modified");
  }

  @Test
  void unauthorized_canBeInjected_forATokenRevokedWhileRunning() {
    api.failNext("getMe", 1, Failure.unauthorized());

    assertThat(client.json("getMe", Map.of()).status()).isEqualTo(401);
    assertThat(client.json("getMe", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void aBadGatewayPage_isHtmlNotJson() throws IOException {
    api.failNext("sendMessage", 1, Failure.badGatewayPage());

    HttpResponse<String> response = client.raw("sendMessage", Map.of("chat_id", 42, "text", "a"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("<title>502 Bad Gateway</title>");
  }

  @Test
  void aDroppedConnection_givesTheClientNoAnswer() {
    api.failNext("sendMessage", 3, Failure.dropConnection());

    assertThatThrownBy(() -> client.raw("sendMessage", Map.of("chat_id", 42, "text", "a")))
        .isInstanceOf(IOException.class);
    assertThat(api.calls("sendMessage")).first().satisfies(c -> assertThat(c.status()).contains(0));
  }

  @Test
  void failNext_forAMethodTheFakeDoesNotServe_isAMistake() {
    assertThatThrownBy(() -> api.failNext("sendTelepathy", 1, Failure.serverError(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sendTelepathy");
  }

  @Test
  void blockBot_queuesMyChatMember_andRefusesLaterSends() {
    api.blockBot(ANN);

    Answer send = client.json("sendMessage", Map.of("chat_id", 42, "text", "Still there?"));
    JsonNode update = client.json("getUpdates", Map.of("timeout", 0)).result().get(0);
    api.unblockBot(ANN);
    Answer afterUnblock = client.json("sendMessage", Map.of("chat_id", 42, "text", "Welcome back"));

    assertThat(send.status()).isEqualTo(403);
    assertThat(send.description()).isEqualTo("Forbidden: bot was blocked by the user");
    assertThat(update.at("/my_chat_member/new_chat_member/status").asText()).isEqualTo("kicked");
    assertThat(update.at("/my_chat_member/old_chat_member/status").asText()).isEqualTo("member");
    assertThat(afterUnblock.status()).isEqualTo(200);
  }

  @Test
  void blockBotUnannounced_refusesLaterSends_withoutQueueingAnUpdate() {
    api.blockBotUnannounced(ANN);

    Answer send = client.json("sendMessage", Map.of("chat_id", 42, "text", "Still there?"));

    assertThat(send.status()).isEqualTo(403);
    assertThat(send.description()).isEqualTo("Forbidden: bot was blocked by the user");
    assertThat(api.pendingUpdates()).isZero();
  }

  @Test
  void migrateGroup_queuesBothServiceMessages_andTheOldIdPointsToTheNew() {
    long group = -4_000_001;
    long supergroup = -1_001_234_567_890L;

    api.migrateGroup(group, supergroup, ANN);
    Answer toOld = client.json("sendMessage", Map.of("chat_id", group, "text", "x"));
    List<JsonNode> updates =
        List.copyOf(toList(client.json("getUpdates", Map.of("timeout", 0)).result()));
    Answer toNew = client.json("sendMessage", Map.of("chat_id", supergroup, "text", "x"));

    assertThat(toOld.status()).isEqualTo(400);
    assertThat(toOld.description())
        .isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
    assertThat(toOld.body().at("/parameters/migrate_to_chat_id").asLong()).isEqualTo(supergroup);
    assertThat(updates.get(0).at("/message/migrate_to_chat_id").asLong()).isEqualTo(supergroup);
    assertThat(updates.get(1).at("/message/migrate_from_chat_id").asLong()).isEqualTo(group);
    assertThat(updates.get(1).at("/message/chat/type").asText()).isEqualTo("supergroup");
    assertThat(toNew.result().at("/chat/type").asText()).isEqualTo("supergroup");
  }

  @Test
  void groupCommand_isAddressedToTheBot_withABotCommandEntity() {
    JsonNode update = api.updates().groupCommand(-4_000_001, ANN, "milestone", "30 days");

    JsonNode message = update.get("message");
    assertThat(message.get("text").asText())
        .isEqualTo("/milestone@" + api.botUsername() + " 30 days");
    assertThat(message.at("/chat/type").asText()).isEqualTo("group");
    assertThat(message.at("/entities/0/type").asText()).isEqualTo("bot_command");
    assertThat(message.at("/entities/0/offset").asInt()).isZero();
    assertThat(message.at("/entities/0/length").asInt())
        .isEqualTo(("/milestone@" + api.botUsername()).length());
  }

  @Test
  void callbackQuery_carriesTheBotMessageItsButtonWasOn() {
    Answer sent =
        client.json(
            "sendMessage",
            Map.of(
                "chat_id",
                42,
                "text",
                "Ready?",
                "reply_markup",
                Map.of(
                    "inline_keyboard",
                    List.of(List.of(Map.of("text", "Yes", "callback_data", "y"))))));
    int messageId = sent.result().get("message_id").asInt();

    JsonNode query = api.updates().callbackQuery(ANN, messageId, "y").get("callback_query");

    assertThat(query.get("data").asText()).isEqualTo("y");
    assertThat(query.at("/message/text").asText()).isEqualTo("Ready?");
    assertThat(query.at("/message/reply_markup/inline_keyboard/0/0/callback_data").asText())
        .isEqualTo("y");
    assertThat(query.at("/from/id").asLong()).isEqualTo(42);
  }

  @Test
  void awaitCalls_failsWithWhatWasRecorded_whenTheCallsDoNotCome() {
    client.json("getMe", Map.of());

    assertThatThrownBy(() -> api.awaitCalls("sendMessage", 1, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 1 received sendMessage call(s)")
        .hasMessageContaining("getMe");
  }

  @Test
  void awaitSuccessfulCalls_skipsRefusedOnes() {
    api.failNext("sendMessage", 1, Failure.tooManyRequests(1));
    client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    client.json("sendMessage", Map.of("chat_id", 42, "text", "b"));

    assertThat(api.awaitSuccessfulCalls("sendMessage", 1))
        .singleElement()
        .extracting(RecordedCall::text)
        .isEqualTo("b");
  }

  @Test
  void awaitCalls_withAFilter_countsOnlyTheMatchingCalls() {
    client.json("sendMessage", Map.of("chat_id", 42, "text", "a"));
    client.json("sendMessage", Map.of("chat_id", 43, "text", "b"));
    client.json("sendMessage", Map.of("chat_id", 42, "text", "c"));

    assertThat(
            api.awaitCalls("sendMessage", 2, c -> c.chatId().equals("42"), Duration.ofSeconds(5)))
        .extracting(RecordedCall::text)
        .containsExactly("a", "c");
    assertThatThrownBy(
            () ->
                api.awaitCalls(
                    "sendMessage", 2, c -> c.chatId().equals("43"), Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 matching sendMessage call(s)");
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new java.util.ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
