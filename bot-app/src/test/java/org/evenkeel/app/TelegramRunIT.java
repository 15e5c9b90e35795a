package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.content.Content;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole bot on Telegram: launcher, Guice wiring, engine, in-memory store, the real TelegramBots
 * client and long polling, against the fake Bot API on 127.0.0.1.
 */
class TelegramRunIT {

  private static final Path CONFIG = Path.of("..", "config", "evenkeel.yaml");
  private static final Path CONTENT = Path.of("..", "content");
  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws InterruptedException {
    runner.shutdownNow();
    runner.awaitTermination(30, TimeUnit.SECONDS);
    api.close();
  }

  private Launcher launcher(String token) {
    return new Launcher(
        CONFIG,
        Map.of(
            "TELEGRAM_BOT_TOKEN",
            token,
            "TELEGRAM_API_URL",
            api.baseUrl(),
            "EVENKEEL_HTTP_PORT",
            "0"));
  }

  @Test
  void aMemberTalksToTheBotOnTelegram_throughTheWholeStack() throws Exception {
    Launcher launcher = launcher(api.token());
    Settings settings = Launcher.withContent(launcher.settings(), CONTENT);
    Content content = Launcher.content(settings, null);
    CountDownLatch stop = new CountDownLatch(1);
    Future<?> bot =
        runner.submit(
            () -> {
              launcher.telegram(settings, content, api.token(), stop);
              return null;
            });

    api.enqueue(api.updates().privateText(ANN, "/start"));
    RecordedCall welcome = api.awaitCalls("sendMessage", 1, Duration.ofSeconds(30)).get(0);
    assertThat(welcome.chatId()).isEqualTo("42");
    assertThat(welcome.param("parse_mode"))
        .hasValueSatisfying(m -> assertThat(m).isEqualToIgnoringCase("html"));

    RecordedCall asking = lastWithButtons();
    int before = api.count("sendMessage");
    JsonNode button =
        asking.json("reply_markup").orElseThrow().path("inline_keyboard").get(0).get(0);
    int messageId =
        api.botMessages(42).stream()
            .filter(m -> m.replyMarkup().isPresent())
            .reduce((a, b) -> b)
            .orElseThrow()
            .messageId();
    api.enqueue(api.updates().callbackQuery(ANN, messageId, button.path("callback_data").asText()));

    api.awaitCalls("answerCallbackQuery", 1, Duration.ofSeconds(30));
    api.awaitCalls("sendMessage", before + 1, Duration.ofSeconds(30));
    stop.countDown();
    bot.get(30, TimeUnit.SECONDS);
    assertThat(api.calls("getMe")).hasSize(1);
    assertThat(api.calls("deleteWebhook")).isNotEmpty();
    assertThat(api.myCommands("all_private_chats", "").orElseThrow())
        .hasSize(content.menu().privateChats().size());
  }

  @Test
  void export_sendsTheMembersData_asAProtectedJsonDocument() throws Exception {
    RunningBot bot = RunningBot.start(api, Map.of());

    api.enqueue(api.updates().privateText(ANN, "/gratitude"));
    api.awaitCalls("sendMessage", 2, Duration.ofSeconds(30));
    api.enqueue(api.updates().privateText(ANN, "/export"));
    RecordedCall document = api.awaitCalls("sendDocument", 1, Duration.ofSeconds(30)).get(0);
    bot.stop();

    assertThat(document.chatId()).isEqualTo("42");
    assertThat(document.param("protect_content")).contains("true");
    var file = document.parameters().file("evenkeel-export.json").orElseThrow();
    assertThat(file.fileName()).isEqualTo("evenkeel-export.json");
    JsonNode export = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.text());
    assertThat(export.path("format").asText()).isEqualTo("evenkeel-export/1");
    assertThat(export.path("platform").asText()).isEqualTo("telegram");
    assertThat(export.path("user_id").asText()).isEqualTo("42");
  }

  /** The latest message with buttons, waiting for the turn's messages to arrive. */
  private RecordedCall lastWithButtons() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var found =
          api.calls("sendMessage").stream()
              .filter(c -> c.json("reply_markup").isPresent())
              .reduce((a, b) -> b);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no message with buttons among " + api.calls("sendMessage"));
  }

  @Test
  void aWrongToken_isOneClearError_withoutTheToken() {
    Launcher launcher = launcher("1234567890:not-the-real-one");
    Settings settings = Launcher.withContent(launcher.settings(), CONTENT);
    Content content = Launcher.content(settings, null);

    assertThatThrownBy(
            () ->
                launcher.telegram(
                    settings, content, "1234567890:not-the-real-one", new CountDownLatch(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TELEGRAM_BOT_TOKEN: Telegram refused the token (401")
        .hasMessageNotContaining("not-the-real-one");
  }

  @Test
  void aBadApiUrl_isNamedAsSuch() {
    Launcher launcher =
        new Launcher(
            CONFIG, Map.of("TELEGRAM_BOT_TOKEN", api.token(), "TELEGRAM_API_URL", "ftp://x"));
    Settings settings = Launcher.withContent(launcher.settings(), CONTENT);
    Content content = Launcher.content(settings, null);

    assertThatThrownBy(
            () -> launcher.telegram(settings, content, api.token(), new CountDownLatch(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment TELEGRAM_API_URL: expected http(s)://host");
    List<RecordedCall> none = api.calls("getMe");
    assertThat(none).isEmpty();
  }
}
