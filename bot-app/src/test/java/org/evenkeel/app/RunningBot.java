package org.evenkeel.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.content.Content;
import org.evenkeel.telegram.fake.FakeBotApi;

/**
 * The whole bot, as {@code ./evenkeel run} starts it with bot tokens: {@link Launcher#run} on a
 * thread of its own, with the configuration in {@code config/}, talking to a {@link FakeBotApi}
 * through the real TelegramBots client (or a fake Discord through JDA). Stopping it is what SIGTERM
 * does: the launcher's latch is counted down and it shuts down in order.
 */
final class RunningBot implements AutoCloseable {

  static final Path CONFIG = Path.of("..", "config", "evenkeel.yaml");
  static final Path CONTENT = Path.of("..", "content");

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "launcher"));
  private final Future<?> run;

  private RunningBot(Launcher launcher, Settings settings, Content content) {
    this.run =
        thread.submit(
            () -> {
              launcher.run(
                  settings, content, launcher.telegramToken(), launcher.discordToken(), stop);
              return null;
            });
  }

  /**
   * Starts the bot with the shipped configuration and content, with {@code env} as the environment
   * the launcher reads: every adapter that has a token in it runs.
   */
  static RunningBot withEnvironment(Map<String, String> env) {
    Launcher launcher = new Launcher(CONFIG, withFreeOpsPort(env));
    Settings settings = Launcher.withContent(launcher.settings(), CONTENT);
    return new RunningBot(launcher, settings, Launcher.content(settings, null));
  }

  /**
   * Starts the bot on {@code api} with the shipped content, {@code env} added to its environment.
   */
  static RunningBot start(FakeBotApi api, Map<String, String> env) {
    return start(api, env, CONTENT);
  }

  /**
   * Starts the bot on {@code api} with the content in {@code content} and {@code env} added to the
   * environment the launcher reads (after the token and the fake's address).
   */
  static RunningBot start(FakeBotApi api, Map<String, String> env, Path content) {
    Map<String, String> all = new HashMap<>();
    all.put(Launcher.TELEGRAM_BOT_TOKEN, api.token());
    all.put(Launcher.TELEGRAM_API_URL, api.baseUrl());
    all.putAll(env);
    Launcher launcher = new Launcher(CONFIG, withFreeOpsPort(all));
    Settings settings = Launcher.withContent(launcher.settings(), content);
    return new RunningBot(launcher, settings, Launcher.content(settings, null));
  }

  /** Health and metrics on any free port, unless the test chose one: 8080 may be taken here. */
  static Map<String, String> withFreeOpsPort(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("EVENKEEL_HTTP_PORT", "0");
    return all;
  }

  /**
   * Stops the bot as SIGTERM would and waits until the launcher returned.
   *
   * @throws Exception what the launcher threw, if it failed
   */
  void stop() throws Exception {
    stop.countDown();
    try {
      run.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new AssertionError("the launcher did not stop within " + STOP_TIMEOUT, e);
    } finally {
      thread.shutdown();
    }
  }

  /** Whether the launcher has returned (after {@link #stop}, or because it failed). */
  boolean ended() {
    return run.isDone();
  }

  /** Stops the bot if a test did not, leaving nothing running; a failure is the test's to find. */
  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.shutdown();
    if (!thread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      thread.shutdownNow();
    }
  }
}
