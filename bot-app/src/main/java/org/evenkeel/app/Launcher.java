package org.evenkeel.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.app.config.ConfigLoader;
import org.evenkeel.app.config.Settings;
import org.evenkeel.app.config.TelegramSettings;
import org.evenkeel.app.content.ContentReloader;
import org.evenkeel.app.ops.MicrometerMetrics;
import org.evenkeel.app.ops.OpsServer;
import org.evenkeel.app.wiring.ConsoleModule;
import org.evenkeel.app.wiring.ContentModule;
import org.evenkeel.app.wiring.CoreModule;
import org.evenkeel.app.wiring.DiscordModule;
import org.evenkeel.app.wiring.InMemoryStoreModule;
import org.evenkeel.app.wiring.RedisStoreModule;
import org.evenkeel.app.wiring.SettingsModule;
import org.evenkeel.app.wiring.SystemClockModule;
import org.evenkeel.app.wiring.TelegramModule;
import org.evenkeel.console.ConsoleChat;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.redis.JournalCipher;
import org.evenkeel.redis.RedisConnections;
import org.evenkeel.telegram.CommandMenuRegistration;
import org.evenkeel.telegram.TelegramInbound;
import org.evenkeel.telegram.TelegramPolling;
import org.evenkeel.telegram.UpdateMapper;
import org.evenkeel.telegram.WebhookReceiver;
import org.evenkeel.telegram.WebhookRegistration;
import org.evenkeel.telegram.WebhookSettings;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import redis.clients.jedis.UnifiedJedis;

/**
 * Chooses the modules for a run from the configuration, builds the application and runs it to the
 * end. Here, not in the modules, live the I/O (configuration, content) and the choices.
 */
final class Launcher {

  /** The environment variable that selects Redis (with its password, so never logged). */
  static final String REDIS_URL = "REDIS_URL";

  /** The Telegram bot token, or a file holding it: either starts the Telegram adapter. */
  static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";

  /**
   * The key ring that encrypts journal entries in Redis: {@code id:base64[,id:base64…]}, the
   * encrypting key first (or {@code JOURNAL_ENCRYPTION_KEYS_FILE}).
   */
  static final String JOURNAL_ENCRYPTION_KEYS = "JOURNAL_ENCRYPTION_KEYS";

  static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
  static final String TELEGRAM_WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";

  /** The Discord bot token, or a file holding it: either starts the Discord adapter. */
  static final String DISCORD_BOT_TOKEN = "DISCORD_BOT_TOKEN";

  static final String FILE = "_FILE";
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(Launcher.class);

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
    useLogFormat(settings.logFormat());
    return settings;
  }

  /** {@code settings} with the content read from {@code override}, when one is given. */
  static Settings withContent(Settings settings, Path override) {
    return override == null ? settings : settings.withContentDir(override);
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
      modules.add(redisOrMemory(redis));
      modules.add(new ConsoleModule(options, out, ansi));
      Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
      ContentReloader reloader = startReloading(settings, injector);
      try {
        injector.getInstance(ConsoleChat.class).run(in, out);
      } finally {
        reloader.close();
        injector.getInstance(TurnDispatcher.class).close();
        stopWorkers(injector);
      }
    } finally {
      redis.ifPresent(UnifiedJedis::close);
    }
  }

  /** The Telegram bot token from the environment or its file, if one is configured. */
  Optional<String> telegramToken() {
    return secret(TELEGRAM_BOT_TOKEN);
  }

  /** The Discord bot token from the environment or its file, if one is configured. */
  Optional<String> discordToken() {
    return secret(DISCORD_BOT_TOKEN);
  }

  /** Runs the Telegram adapter alone; see {@link #run}. */
  void telegram(Settings settings, Content content, String token, CountDownLatch stop)
      throws Exception {
    run(settings, content, Optional.of(token), Optional.empty(), stop);
  }

  /**
   * Runs every adapter that has a token until {@code stop} is counted down: checks each token
   * (Telegram's {@code getMe}, Discord's login), starts turns, receiving and then the timers, and
   * shuts down in order: stop receiving, finish turns under way, stop the timers, close Redis.
   */
  void run(
      Settings settings,
      Content content,
      Optional<String> telegramToken,
      Optional<String> discordToken,
      CountDownLatch stop)
      throws Exception {
    Optional<TelegramStart> telegram =
        telegramToken.isPresent()
            ? Optional.of(telegramStart(settings, content, telegramToken.get()))
            : Optional.empty();
    Optional<UnifiedJedis> redis = openRedis();
    try {
      AtomicReference<JDA> discordConnection = new AtomicReference<>();
      List<Module> modules = new ArrayList<>();
      modules.add(new SettingsModule(settings));
      modules.add(new ContentModule(content));
      modules.add(new CoreModule());
      modules.add(new SystemClockModule());
      modules.add(redisOrMemory(redis));
      telegram.ifPresent(t -> modules.add(new TelegramModule(t.client())));
      if (discordToken.isPresent()) {
        modules.add(new DiscordModule(discordConnection));
      }
      Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
      TurnDispatcher dispatcher = injector.getInstance(TurnDispatcher.class);
      TimerPump pump = injector.getInstance(TimerPump.class);
      MicrometerMetrics metrics = injector.getInstance(MicrometerMetrics.class);
      dispatcher.countIn(metrics);
      pump.countIn(metrics);
      ContentReloader reloader = startReloading(settings, injector);
      List<AutoCloseable> receivers = new ArrayList<>();
      Optional<DiscordStart.Running> discord = Optional.empty();
      AtomicBoolean stopping = new AtomicBoolean();
      AtomicBoolean telegramUp = new AtomicBoolean();
      AtomicBoolean discordUp = new AtomicBoolean();
      List<OpsServer.Check> readiness = new ArrayList<>();
      readiness.add(new OpsServer.Check("running", () -> !stopping.get()));
      readiness.add(
          new OpsServer.Check(
              "store",
              () -> dispatcher.storeReachable() && redis.map(Launcher::answers).orElse(true)));
      readiness.add(new OpsServer.Check("content", () -> true)); // loaded and valid, or no start
      if (telegram.isPresent()) {
        readiness.add(new OpsServer.Check("telegram", telegramUp::get));
      }
      if (discordToken.isPresent()) {
        readiness.add(new OpsServer.Check("discord", discordUp::get));
      }
      boolean shared =
          telegram.isPresent()
              && settings.telegram().mode() == TelegramSettings.Mode.WEBHOOK
              && settings.httpPort() != 0
              && settings.httpPort() == settings.telegram().listenPort();
      Map<String, HttpHandler> opsOnWebhook = new java.util.LinkedHashMap<>();
      if (shared) {
        HttpHandler handler = OpsServer.handler(readiness, metrics::scrape);
        OpsServer.PATHS.forEach(path -> opsOnWebhook.put(path, handler));
      }
      Optional<OpsServer> ops =
          shared ? Optional.empty() : Optional.of(opsServer(settings, readiness, metrics));
      try {
        if (telegram.isPresent()) {
          receivers.add(
              receiveTelegram(settings, telegram.get(), injector, dispatcher, opsOnWebhook));
          telegramUp.set(true);
        }
        if (discordToken.isPresent()) {
          discord =
              Optional.of(
                  DiscordStart.connect(
                      settings,
                      content,
                      discordToken.get(),
                      env,
                      injector,
                      dispatcher,
                      discordConnection));
          discordUp.set(true);
        }
        pump.start(settings.timerPollInterval());
        stop.await();
        log.info("stopping");
      } finally {
        stopping.set(true); // unready at once: a load balancer sends no more
        // stop taking new work, let the turns under way finish and answer, then disconnect
        for (int i = receivers.size() - 1; i >= 0; i--) {
          closeQuietly(receivers.get(i));
        }
        discord.ifPresent(DiscordStart.Running::stopReceiving);
        reloader.close();
        pump.close();
        dispatcher.close();
        stopWorkers(injector);
        discord.ifPresent(Launcher::closeQuietly);
        ops.ifPresent(OpsServer::close);
      }
    } finally {
      redis.ifPresent(UnifiedJedis::close);
    }
  }

  /** Health and metrics on {@code http.port}; a port already taken is a clear startup error. */
  private static OpsServer opsServer(
      Settings settings, List<OpsServer.Check> readiness, MicrometerMetrics metrics) {
    try {
      return OpsServer.start(settings.httpHost(), settings.httpPort(), readiness, metrics::scrape);
    } catch (java.io.UncheckedIOException e) {
      throw new ConfigException(
          List.of(e.getMessage() + ": " + e.getCause().getMessage() + " (EVENKEEL_HTTP_PORT)"));
    }
  }

  /** Whether Redis answers a PING now. */
  private static boolean answers(UnifiedJedis redis) {
    try {
      return "PONG".equalsIgnoreCase(redis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Content hot reload, every {@code content.reload_interval} unless that is zero. */
  private static ContentReloader startReloading(Settings settings, Injector injector) {
    ContentReloader reloader = injector.getInstance(ContentReloader.class);
    if (!settings.contentReload().isZero()) {
      reloader.start(settings.contentReload());
    }
    return reloader;
  }

  /** Lets the turns under way finish, on the workers and the proactive threads. */
  private static void stopWorkers(Injector injector) throws InterruptedException {
    List<ExecutorService> pools =
        List.of(
            injector.getInstance(ExecutorService.class),
            injector.getInstance(
                Key.get(ExecutorService.class, Names.named(CoreModule.PROACTIVE))));
    pools.forEach(ExecutorService::shutdown);
    for (ExecutorService pool : pools) {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void closeQuietly(AutoCloseable receiver) {
    try {
      receiver.close();
    } catch (Exception e) {
      log.warn("a receiver did not close cleanly ({})", e.toString());
    }
  }

  /** A checked Telegram client, before the application is built. */
  private record TelegramStart(
      OkHttpTelegramClient client,
      String username,
      TelegramUrl server,
      String token,
      Optional<String> secret) {}

  private TelegramStart telegramStart(Settings settings, Content content, String token) {
    TelegramSettings telegram = settings.telegram();
    URI api = telegramApiUrl(telegram);
    TelegramUrl server = new TelegramUrl(api.getScheme(), api.getHost(), port(api), false);
    OkHttpTelegramClient client = new OkHttpTelegramClient(token, server);
    String username = checkToken(client, api);
    new CommandMenuRegistration(client).register(content);
    Optional<String> secret =
        telegram.mode() == TelegramSettings.Mode.WEBHOOK
            ? Optional.of(
                secret(TELEGRAM_WEBHOOK_SECRET)
                    .orElseThrow(
                        () ->
                            new ConfigException(
                                List.of(
                                    "environment "
                                        + TELEGRAM_WEBHOOK_SECRET
                                        + " (or "
                                        + TELEGRAM_WEBHOOK_SECRET
                                        + FILE
                                        + "): webhook mode needs a secret"))))
            : Optional.empty();
    return new TelegramStart(client, username, server, token, secret);
  }

  private static AutoCloseable receiveTelegram(
      Settings settings,
      TelegramStart start,
      Injector injector,
      TurnDispatcher dispatcher,
      Map<String, HttpHandler> alsoServe)
      throws TelegramApiException {
    ChatMigrations migrations = injector.getInstance(ChatMigrations.class);
    TelegramInbound inbound =
        new TelegramInbound(
            new UpdateMapper(start.username(), migrations),
            dispatcher::submit,
            start.client(),
            migrations);
    AutoCloseable receiving =
        receive(
            settings.telegram(),
            start.token(),
            start.server(),
            start.secret(),
            start.client(),
            inbound,
            alsoServe);
    log.info(
        "telegram: @{} is running ({})",
        start.username(),
        settings.telegram().mode().name().toLowerCase(java.util.Locale.ROOT));
    return receiving;
  }

  private static AutoCloseable receive(
      TelegramSettings telegram,
      String token,
      TelegramUrl server,
      Optional<String> secret,
      OkHttpTelegramClient client,
      TelegramInbound inbound,
      Map<String, HttpHandler> alsoServe)
      throws TelegramApiException {
    if (telegram.mode() == TelegramSettings.Mode.POLLING) {
      TelegramPolling polling = new TelegramPolling(token, server, inbound);
      polling.start();
      return polling;
    }
    WebhookSettings webhook;
    try {
      webhook =
          WebhookSettings.of(
                  telegram.webhookPublicUrl().orElseThrow().toString(),
                  telegram.listenHost(),
                  telegram.listenPort(),
                  secret.orElseThrow())
              .withMaxConnections(telegram.maxConnections());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("telegram.webhook: " + e.getMessage()));
    }
    WebhookReceiver receiver =
        WebhookReceiver.start(webhook, inbound, WebhookReceiver.DEFAULT_DRAIN_TIMEOUT, alsoServe);
    try {
      new WebhookRegistration(client).register(webhook);
    } catch (RuntimeException e) {
      receiver.close();
      throw e;
    }
    return receiver;
  }

  /** The bot's username, asking Telegram with the token: a wrong token is one clear error. */
  private static String checkToken(OkHttpTelegramClient client, URI api) {
    try {
      return client.execute(new GetMe()).getUserName();
    } catch (TelegramApiRequestException e) {
      throw new ConfigException(
          List.of(
              "environment "
                  + TELEGRAM_BOT_TOKEN
                  + ": Telegram refused the token ("
                  + e.getErrorCode()
                  + " "
                  + e.getApiResponse()
                  + "); copy it again from @BotFather"));
    } catch (TelegramApiException e) {
      throw new ConfigException(
          List.of(
              "telegram.api_url (or TELEGRAM_API_URL): no answer from the Bot API server at "
                  + api
                  + " ("
                  + e.getClass().getSimpleName()
                  + ")"));
    }
  }

  private URI telegramApiUrl(TelegramSettings telegram) {
    String override = env.get(TELEGRAM_API_URL);
    if (override == null || override.isBlank()) {
      return telegram.apiUrl();
    }
    try {
      return ConfigLoader.serverUrl(override.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          List.of(
              "environment "
                  + TELEGRAM_API_URL
                  + ": "
                  + e.getMessage()
                  + " but was '"
                  + override
                  + "'"));
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  /** The store: Redis (journal entries encrypted when a key ring is set) or memory. */
  private Module redisOrMemory(Optional<UnifiedJedis> redis) {
    Optional<String> keys = secret(JOURNAL_ENCRYPTION_KEYS);
    if (redis.isEmpty()) {
      keys.ifPresent(
          k -> log.info("journal encryption keys are set but nothing is kept at rest (no Redis)"));
      return new InMemoryStoreModule();
    }
    JournalCipher journal;
    try {
      journal = keys.map(JournalCipher::parse).orElse(JournalCipher.NONE);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          List.of("environment " + JOURNAL_ENCRYPTION_KEYS + ": " + e.getMessage()));
    }
    if (journal.encrypts()) {
      log.info("journal entries are encrypted at rest with key '{}'", journal.activeKeyId());
    }
    return new RedisStoreModule(redis.get(), journal);
  }

  /**
   * A secret from {@code NAME}, or from the file named by {@code NAME_FILE} (its content, trimmed):
   * how container platforms hand secrets over. Both set, or an unreadable file, is a problem.
   */
  private Optional<String> secret(String name) {
    String value = env.get(name);
    String file = env.get(name + FILE);
    if (value != null && !value.isBlank() && file != null && !file.isBlank()) {
      throw new ConfigException(
          List.of("environment " + name + " and " + name + FILE + " are both set; keep one"));
    }
    if (value != null && !value.isBlank()) {
      return Optional.of(value.strip());
    }
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      String read = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
      if (read.isEmpty()) {
        throw new ConfigException(List.of("environment " + name + FILE + ": the file is empty"));
      }
      return Optional.of(read);
    } catch (IOException e) {
      throw new ConfigException(
          List.of("environment " + name + FILE + ": cannot read " + file.strip()));
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

  /**
   * {@code json}: every log event as one JSON object per line on stderr (Logback's JSON encoder:
   * timestamp, level, thread, logger, formattedMessage, throwable), for log collectors; {@code
   * text}: the readable lines of logback.xml. The messages are the same either way: never a
   * member's words or a token.
   */
  static void useLogFormat(String format) {
    if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)
        || !(root.getAppender("STDERR")
            instanceof
            ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>
                appender)) {
      return; // another logging set-up (a test's): leave it alone
    }
    boolean json = format.equals("json");
    if (json == appender.getEncoder() instanceof ch.qos.logback.classic.encoder.JsonEncoder) {
      return;
    }
    ch.qos.logback.core.encoder.Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder;
    if (json) {
      ch.qos.logback.classic.encoder.JsonEncoder lines =
          new ch.qos.logback.classic.encoder.JsonEncoder();
      lines.setWithFormattedMessage(true); // the line as written, arguments in place
      lines.setWithMessage(false);
      lines.setWithArguments(false);
      lines.setWithContext(false);
      lines.setWithNanoseconds(false);
      encoder = lines;
    } else {
      ch.qos.logback.classic.encoder.PatternLayoutEncoder text =
          new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
      text.setPattern(TEXT_PATTERN);
      encoder = text;
    }
    encoder.setContext(root.getLoggerContext());
    encoder.start();
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }

  /** The line of logback.xml, for switching back from JSON. */
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";

  private static void setLogLevel(String level) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
