package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.evenkeel.telegram.RecordingUpdateSink.Mode;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * Captures every log line of the webhook code while it refuses, fails and succeeds, and proves none
 * holds the secret, the bot token or any text a member wrote.
 */
class WebhookLoggingIT {

  private static final String MEMBER_TEXT = "MEMBERTEXT-I-relapsed-last-night";
  private static final String PATH = "/telegram/Zq3f9LwX0b";

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("org.evenkeel");
  private Level oursBefore;

  @BeforeEach
  void capture() {
    captured.start();
    root.addAppender(captured);
    oursBefore = ours.getLevel();
    ours.setLevel(Level.TRACE);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
    ours.setLevel(oursBefore);
  }

  @Test
  void noLogLine_holdsTheSecret_theToken_orMemberText() throws Exception {
    RecordingUpdateSink sink = new RecordingUpdateSink("failed on " + MEMBER_TEXT);
    WebhookSettings settings =
        WebhookSettings.of(
            "https://bot.example.org" + PATH, "127.0.0.1", 0, WebhookRequests.SECRET);
    try (WebhookReceiver receiver = WebhookReceiver.start(settings, sink);
        FakeBotApi api = FakeBotApi.start()) {
      WebhookRequests telegram = new WebhookRequests(receiver.localUrl());
      URI url = telegram.url();
      String update = WebhookRequests.privateText(1, 42, MEMBER_TEXT);

      // A wrong secret that contains the right one, so a logged header would show it.
      assertThat(
              telegram
                  .post(url, update, Optional.of(WebhookRequests.SECRET + "-x"), "application/json")
                  .statusCode())
          .isEqualTo(401);
      assertThat(telegram.post(url, update, Optional.empty(), "application/json").statusCode())
          .isEqualTo(401);
      assertThat(
              telegram.post("{\"update_id\":1,\"message\":{\"text\":\"" + MEMBER_TEXT).statusCode())
          .isEqualTo(400);
      assertThat(
              telegram
                  .post(url, update, Optional.of(WebhookRequests.SECRET), "text/plain")
                  .statusCode())
          .isEqualTo(415);
      sink.mode(Mode.STORE_UNAVAILABLE);
      assertThat(telegram.post(update).statusCode()).isEqualTo(503);
      sink.mode(Mode.FAIL);
      assertThat(telegram.post(update).statusCode()).isEqualTo(500);
      sink.mode(Mode.RECORD);
      assertThat(telegram.post(update).statusCode()).isEqualTo(200);

      api.failNext("setWebhook", 1, Failure.badRequest("bad webhook: " + MEMBER_TEXT.length()));
      assertThatThrownBy(
              () ->
                  new WebhookRegistration(new OkHttpTelegramClient(api.token(), api.telegramUrl()))
                      .register(settings))
          .isInstanceOf(WebhookRegistrationException.class);
    }

    List<String> lines = lines();
    assertThat(lines)
        .anyMatch(line -> line.contains("secret token wrong"))
        .anyMatch(line -> line.contains("secret token missing"))
        .anyMatch(line -> line.contains("JsonEOFException") || line.contains("Exception at line"))
        .anyMatch(line -> line.contains("store unavailable"))
        .anyMatch(line -> line.contains("java.lang.IllegalStateException"));
    assertThat(lines)
        .noneMatch(line -> line.contains(WebhookRequests.SECRET))
        .noneMatch(line -> line.contains(FakeBotApi.DEFAULT_TOKEN))
        .noneMatch(line -> line.contains(FakeBotApi.DEFAULT_TOKEN.substring(11)))
        .noneMatch(line -> line.contains(MEMBER_TEXT))
        .noneMatch(line -> line.contains("relapsed"));
  }

  @Test
  void aFloodOfBadRequests_isLoggedOnce_perInterval() throws Exception {
    // A frozen clock: however long the flood takes, it stays within one interval.
    WebhookEndpoint endpoint =
        new WebhookEndpoint(PATH, WebhookRequests.SECRET, new RecordingUpdateSink(), () -> 0L);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    HttpServer shared = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    shared.setExecutor(workers);
    // Mounted at its own path on a server that could serve health and metrics too.
    shared.createContext(PATH, endpoint);
    shared.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + shared.getAddress().getPort() + PATH);
      WebhookRequests attacker = new WebhookRequests(url);
      for (int i = 0; i < 30; i++) {
        assertThat(
                attacker
                    .post(url, "{}", Optional.of("guess-" + i), "application/json")
                    .statusCode())
            .isEqualTo(401);
      }
    } finally {
      endpoint.drain(Duration.ofSeconds(5));
      shared.stop(0);
      workers.shutdownNow();
    }

    assertThat(lines()).filteredOn(line -> line.contains("secret token")).hasSize(1);
    assertThat(lines()).noneMatch(line -> line.contains("guess-"));
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(captured.list)) {
      StringBuilder line = new StringBuilder(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
