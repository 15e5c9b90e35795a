package org.evenkeel.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.app.config.ConfigLoader;
import org.evenkeel.app.config.Settings;
import org.evenkeel.app.wiring.ConsoleModule;
import org.evenkeel.app.wiring.ContentModule;
import org.evenkeel.app.wiring.CoreModule;
import org.evenkeel.app.wiring.InMemoryStoreModule;
import org.evenkeel.app.wiring.RedisStoreModule;
import org.evenkeel.app.wiring.SettingsModule;
import org.evenkeel.console.ConsoleChat;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.redis.RedisConnections;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Chooses the modules for a run from the configuration, builds the application and runs it to the
 * end. Here, not in the modules, live the I/O (configuration, content) and the choices.
 */
final class Launcher {

  /** The environment variable that selects Redis (with its password, so never logged). */
  static final String REDIS_URL = "REDIS_URL";

  private final Path configFile;
  private final Map<String, String> env;

  Launcher(Path configFile, Map<String, String> env) {
    this.configFile = configFile;
    this.env = env;
  }

  /** Loads and checks configuration; throws {@link org.evenkeel.app.config.ConfigException}. */
  Settings settings() {
    Settings settings = ConfigLoader.load(configFile, env);
    setLogLevel(settings.logLevel());
    return settings;
  }

  /** Loads and validates content; throws {@link org.evenkeel.core.content.ContentException}. */
  static Content content(Settings settings, Path override) {
    return ContentLoader.load(override != null ? override : settings.contentDir());
  }

  /** Runs the console chat until its input ends. */
  void console(
      Settings settings,
      Content content,
      ConsoleChat.Options options,
      BufferedReader in,
      PrintStream out,
      boolean ansi)
      throws IOException, InterruptedException {
    if (options.interactive()) {
      // The chat shares the terminal with the logs: keep them to what needs attention.
      setLogLevel("warn");
    }
    Optional<UnifiedJedis> redis = openRedis();
    try {
      List<Module> modules = new ArrayList<>();
      modules.add(new SettingsModule(settings));
      modules.add(new ContentModule(content));
      modules.add(new CoreModule());
      modules.add(redis.<Module>map(RedisStoreModule::new).orElseGet(InMemoryStoreModule::new));
      modules.add(new ConsoleModule(options, out, ansi));
      Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
      try {
        injector.getInstance(ConsoleChat.class).run(in, out);
      } finally {
        injector.getInstance(TurnDispatcher.class).close();
        ExecutorService workers = injector.getInstance(ExecutorService.class);
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
      }
    } finally {
      redis.ifPresent(UnifiedJedis::close);
    }
  }

  /**
   * The Redis named by {@code REDIS_URL}, checked to answer, or empty (the in-memory store) when
   * the variable is not set. A URL that cannot be read or a server that does not answer is a
   * configuration problem naming REDIS_URL (never its password).
   */
  private Optional<UnifiedJedis> openRedis() {
    String url = env.get(REDIS_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    UnifiedJedis redis;
    try {
      redis = RedisConnections.fromUrl(url.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("environment " + REDIS_URL + ": " + e.getMessage()));
    }
    try {
      redis.ping();
      return Optional.of(redis);
    } catch (RuntimeException e) {
      redis.close();
      throw new ConfigException(
          List.of(
              "environment "
                  + REDIS_URL
                  + ": Redis does not answer ("
                  + e.getClass().getSimpleName()
                  + "); start it or unset REDIS_URL to keep everything in memory"));
    }
  }

  private static void setLogLevel(String level) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
