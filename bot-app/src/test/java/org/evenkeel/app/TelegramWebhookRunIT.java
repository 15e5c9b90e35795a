package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.app.MemberChat.assertBeginnings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.evenkeel.telegram.WebhookEndpoint;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole bot in webhook mode, chosen by configuration as an operator would: it registers its
 * public URL and secret with Telegram, then answers the updates Telegram posts to it, and only
 * those that carry the secret.
 */
class TelegramWebhookRunIT {

  private static final FakeUser ANN = FakeUser.of(42);
  private static final String PUBLIC_URL = "https://bot.example.org/telegram/x3Fq9Zr";
  private static final String SECRET = "s3cret_Token-for-the-webhook";

  private final FakeBotApi api = FakeBotApi.start();
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port = freePort();
  private final URI endpoint = URI.create("http://127.0.0.1:" + port + "/telegram/x3Fq9Zr");
  private RunningBot bot;

  @AfterEach
  void close() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  @Test
  void webhookMode_registersUrlAndSecret_andAnswersOnlyUpdatesCarryingTheSecret() throws Exception {
    bot =
        RunningBot.start(
            api,
            Map.of(
                "EVENKEEL_TELEGRAM_MODE",
                "webhook",
                "EVENKEEL_TELEGRAM_WEBHOOK_PUBLIC_URL",
                PUBLIC_URL,
                "EVENKEEL_TELEGRAM_WEBHOOK_LISTEN_HOST",
                "127.0.0.1",
                "EVENKEEL_TELEGRAM_WEBHOOK_LISTEN_PORT",
                Integer.toString(port),
                Launcher.TELEGRAM_WEBHOOK_SECRET,
                SECRET,
                "EVENKEEL_HTTP_PORT",
                Integer.toString(port))); // health and metrics share the webhook's port
    MemberChat chat = MemberChat.privateChat(api, ANN);

    RecordedCall registration = api.awaitSuccessfulCalls("setWebhook", 1, MemberChat.WAIT).get(0);
    assertThat(registration.param("url")).contains(PUBLIC_URL);
    assertThat(registration.param("secret_token")).contains(SECRET);
    assertThat(api.calls("setWebhook")).hasSize(1);

    assertThat(post(update(500, "/breathe"), "not-the-secret")).isEqualTo(401);
    assertThat(post(update(501, "/help"), null)).isEqualTo(401);
    assertThat(post(update(502, "/help"), SECRET)).isEqualTo(200);
    assertThat(post(update(502, "/help"), SECRET)).as("Telegram sending it again").isEqualTo(200);
    assertThat(post(poll(503), SECRET))
        .as("a kind of update the bot has no use for")
        .isEqualTo(200);
    assertThat(post(update(504, "/stop"), SECRET)).isEqualTo(200);

    // One conversation, in order: a reply to the refused /breathe or /help would come first.
    assertBeginnings(
        chat.awaitMessages(3),
        "Hi, I'm Evenkeel: short exercises",
        "What I can do\n/start: set up the basics",
        "There's nothing running right now.");
    assertThat(api.calls("sendMessage")).hasSize(3);
    assertThat(api.calls("getUpdates")).as("polling in webhook mode").isEmpty();
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as("the webhook's port serves health too").isEqualTo(200);
    assertThat(ready.body()).contains("\"telegram\":\"up\"");
    bot.stop();
  }

  private ObjectNode update(int updateId, String text) {
    return api.updates().privateText(ANN, text).put("update_id", updateId);
  }

  /** An update of a type the bot does not ask for (a poll's new state). */
  private static ObjectNode poll(int updateId) {
    ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", updateId);
    update
        .putObject("poll")
        .put("id", "5000000001")
        .put("question", "Lunch?")
        .put("total_voter_count", 1)
        .put("is_closed", false)
        .put("is_anonymous", true)
        .put("type", "regular")
        .put("allows_multiple_answers", false)
        .putArray("options")
        .addObject()
        .put("text", "Yes")
        .put("voter_count", 1);
    return update;
  }

  /** Posts an update as Telegram does; returns the status. No secret header when null. */
  private int post(ObjectNode update, String secret) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(update.toString()));
    if (secret != null) {
      request.header(WebhookEndpoint.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }
}
