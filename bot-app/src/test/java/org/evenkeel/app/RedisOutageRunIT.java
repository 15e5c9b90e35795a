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
import java.util.List;
import java.util.Map;
import org.evenkeel.redis.RedisServerProcess;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed (SIGKILL) under the running bot and started again on its append-only file: the bot
 * says it is unready while Redis is gone, takes nothing it cannot store (Telegram keeps the
 * updates), and once Redis is back it is ready again and answers what members sent meanwhile, each
 * once, in order.
 */
class RedisOutageRunIT {

  private static final FakeUser ANN = FakeUser.of(4_400_044);
  private static final FakeUser BEN = FakeUser.of(4_400_045);

  private final FakeBotApi api = FakeBotApi.start();
  private final int port = freePort();
  private final HttpClient http = HttpClient.newHttpClient();
  private RedisServerProcess redis;
  private RunningBot bot;

  @AfterEach
  void close() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
    if (redis != null) {
      redis.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> ready() throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void redisKilledAndBack_unreadyMeanwhile_thenEveryMessageAnsweredOnce() throws Exception {
    redis =
        RedisServerProcess.start(
            TestRedis.executable(), List.of("appendonly yes", "appendfsync always"), List.of());
    bot =
        RunningBot.start(
            api,
            Map.of(Launcher.REDIS_URL, redis.url(), "EVENKEEL_HTTP_PORT", Integer.toString(port)));
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> ready().statusCode() == 200);
    MemberChat ann = MemberChat.privateChat(api, ANN);
    ann.send("/help");
    ann.awaitMessages(2); // welcome, help

    redis.kill();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ready().statusCode() == 503 && ready().body().contains("\"store\":\"down\""));
    ann.send("/stop");
    MemberChat ben = MemberChat.privateChat(api, BEN);
    ben.send("/help");
    Thread.sleep(2_000); // the bot polls, cannot store, and leaves the updates with Telegram
    assertThat(api.calls("sendMessage").stream().filter(c -> c.succeeded()).count())
        .as("nothing answered while Redis is gone")
        .isEqualTo(2);

    redis.restart();

    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> ready().statusCode() == 200);
    MemberChat.assertBeginnings(
        ann.awaitMessages(3),
        "Hi, I'm Evenkeel: short exercises",
        "What I can do\n/start: set up the basics",
        "There's nothing running right now.");
    MemberChat.assertBeginnings(
        ben.awaitMessages(2),
        "Hi, I'm Evenkeel: short exercises",
        "What I can do\n/start: set up the basics");
    Thread.sleep(1_000);
    assertThat(api.calls("sendMessage").stream().filter(c -> c.succeeded()).count())
        .as("each answered once")
        .isEqualTo(5);
    bot.stop();
  }
}
