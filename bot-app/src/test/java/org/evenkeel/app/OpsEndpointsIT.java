package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole bot's health and metrics over HTTP while a member talks to it on Telegram: ready once
 * Telegram runs, counting turns, sends and a crisis detection, and holding no member id or word
 * anywhere in what it exposes.
 */
class OpsEndpointsIT {

  private static final FakeUser MEMBER = FakeUser.of(770_012_345);

  private final FakeBotApi api = FakeBotApi.start();
  private final int port = freePort();
  private final RunningBot bot =
      RunningBot.start(api, Map.of("EVENKEEL_HTTP_PORT", Integer.toString(port)));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() throws Exception {
    bot.close();
    api.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyWhileTelegramRuns_countsWhatHappens_andExposesNoMemberData() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("/health/ready").statusCode() == 200);
    assertThat(get("/health/ready").body())
        .contains("\"telegram\":\"up\"")
        .contains("\"store\":\"up\"");

    MemberChat chat = MemberChat.privateChat(api, MEMBER);
    chat.send("hello from the zebra meadow");
    chat.awaitMessages(2);
    chat.send("everyone would be better off without me");
    chat.awaitMessages(3);

    // the turn is counted as it ends, just after its reply went out
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get("/metrics").body().contains("outcome=\"committed\"} 2.0"));
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("evenkeel_turns_total{kind=\"text\",outcome=\"committed\"} 2.0")
        .contains("evenkeel_crisis_detections_total{category=\"passive_ideation\"} 1.0")
        .contains(
            "evenkeel_sends_total{lane=\"interactive\",platform=\"telegram\",result=\"ok\"} 2.0");
    assertThat(metrics)
        .doesNotContain("770012345")
        .doesNotContain("zebra")
        .doesNotContain("better off");

    bot.stop();
    assertThat(bot.ended()).isTrue();
  }
}
