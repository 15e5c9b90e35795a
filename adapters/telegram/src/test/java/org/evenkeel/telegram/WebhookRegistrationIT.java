package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** setWebhook through the real TelegramBots client, against the fake Bot API. */
class WebhookRegistrationIT {

  private static final String URL = "https://bot.example.org:8443/telegram/Zq3f9LwX0b";

  private final FakeBotApi api = FakeBotApi.start();
  private final WebhookRegistration registration =
      new WebhookRegistration(new OkHttpTelegramClient(api.token(), api.telegramUrl()));

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void register_setsTheUrlSecretAndAllowedUpdates_andKeepsPendingUpdates() {
    api.enqueue(api.updates().privateText(FakeUser.of(42), "sent while nobody listened"));

    registration.register(settings().withMaxConnections(25));

    RecordedCall call = api.awaitCalls("setWebhook", 1).get(0);
    assertThat(call.param("url")).contains(URL);
    assertThat(call.param("secret_token")).contains(WebhookRequests.SECRET);
    assertThat(call.json("allowed_updates").map(WebhookRegistrationIT::strings))
        .contains(List.of("message", "callback_query", "my_chat_member"));
    assertThat(call.param("drop_pending_updates")).contains("false");
    assertThat(call.param("max_connections")).contains("25");
    assertThat(call.succeeded()).isTrue();
    assertThat(api.webhookUrl()).contains(URL);
    assertThat(api.pendingUpdates()).isEqualTo(1);
  }

  @Test
  void anInvalidUrl_isRefusedBeforeAnyCall() {
    for (String url :
        List.of(
            "http://bot.example.org/telegram/x",
            "https://bot.example.org:8080/telegram/x",
            "https://bot.example.org/telegram/x?key=1")) {
      assertThatThrownBy(
              () -> registration.register(WebhookSettings.of(url, "127.0.0.1", 0, "secret")))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("public URL");
    }
    assertThat(api.calls()).isEmpty();
  }

  @Test
  void anInvalidSecret_isRefusedBeforeAnyCall() {
    for (String secret : List.of("", "has space", "ümlaut", "x".repeat(257))) {
      assertThatThrownBy(
              () -> registration.register(WebhookSettings.of(URL, "127.0.0.1", 0, secret)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("secret");
    }
    assertThat(api.calls()).isEmpty();
  }

  @Test
  void telegramRefusing_isOneClearMessage_withoutTheToken() {
    api.failNext("setWebhook", 1, Failure.badRequest("bad webhook: Failed to resolve host"));

    assertThatThrownBy(() -> registration.register(settings()))
        .isInstanceOf(WebhookRegistrationException.class)
        .hasMessage(
            "setWebhook for "
                + URL
                + " failed: Telegram answered 400 Bad Request: bad webhook: Failed to resolve host")
        .hasNoCause();
  }

  @Test
  void aWrongToken_isOneClearMessage_withoutTheToken() {
    String token = "1234567890:wrong-token-never-shown";
    WebhookRegistration wrong =
        new WebhookRegistration(new OkHttpTelegramClient(token, api.telegramUrl()));

    assertThatThrownBy(() -> wrong.register(settings()))
        .isInstanceOf(WebhookRegistrationException.class)
        .hasMessageContaining("Telegram answered 401 Unauthorized")
        .message()
        .doesNotContain("wrong-token-never-shown");
  }

  @Test
  void anUnreachableBotApi_isOneClearMessage_withoutTheToken() {
    int port = api.port();
    api.close();
    WebhookRegistration unreachable =
        new WebhookRegistration(
            new OkHttpTelegramClient(
                FakeBotApi.DEFAULT_TOKEN, new TelegramUrl("http", "127.0.0.1", port, false)));

    assertThatThrownBy(() -> unreachable.register(settings()))
        .isInstanceOf(WebhookRegistrationException.class)
        .hasMessageContaining("could not reach the Bot API")
        .hasNoCause()
        .message()
        .doesNotContain(FakeBotApi.DEFAULT_TOKEN)
        .doesNotContain(WebhookRequests.SECRET);
  }

  private static WebhookSettings settings() {
    return WebhookSettings.of(URL, "127.0.0.1", 0, WebhookRequests.SECRET);
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
