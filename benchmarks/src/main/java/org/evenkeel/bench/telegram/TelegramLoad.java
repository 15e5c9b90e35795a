package org.evenkeel.bench.telegram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.evenkeel.bench.BenchRedis;
import org.evenkeel.bench.RealContent;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;

/**
 * Load on the real bot process through a fake Telegram Bot API (docs/benchmarks.md): simulated
 * members go through the grounding flow round after round, in a closed loop (each with one message
 * outstanding) or an open one (a fixed rate); the bot runs as its own JVM with its state in a Redis
 * of the benchmark's own. Prints messages/s, latency from an update becoming available to the
 * awaited reply reaching the fake, the bot's CPU per message, and whether every update got exactly
 * the replies it should, in order.
 *
 * <p>Options ({@code --name=value}) are in {@link TelegramLoadOptions}. Exits 1 when a reply was
 * lost, repeated or out of order, or the bot died.
 */
public final class TelegramLoad {

  /** The bot's token: the fake accepts only this one. */
  static final String TOKEN = "4242424242:evenkeel-load-token";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** How long no reply must come before the run counts what is missing. */
  private static final Duration QUIET = Duration.ofSeconds(5);

  /** The longest a run waits for the bot to go quiet after the members stopped. */
  private static final Duration LONGEST_DRAIN = Duration.ofMinutes(5);

  private static final int MAX_LATENCIES = 20_000_000;

  private TelegramLoad() {}

  public static void main(String[] args) throws Exception {
    TelegramLoadOptions options = TelegramLoadOptions.parse(args);
    Path root = RealContent.dir().getParent();
    Path jar = options.botJar().map(Path::of).orElseGet(() -> BotProcess.findJar(root));
    Result result = run(options, new BotProcess.Launch.Jar(jar), System.out);
    System.exit(result.clean() ? 0 : 1);
  }

  /** What a run found, for the build's test. */
  record Result(
      ReplyTally tally,
      LatencyRecorder latencies,
      List<Double> messagesPerSecond,
      Map<String, Long> calls,
      Map<String, Long> faults,
      boolean botSurvived,
      List<Throwable> fakeErrors) {

    /** Nothing lost, repeated, out of order or unexplained; the bot ran to the end. */
    boolean clean() {
      return tally.anomalies() == 0 && botSurvived && fakeErrors.isEmpty();
    }
  }

  /** Runs the load with the bot launched by {@code launch}, printing the report to {@code out}. */
  static Result run(TelegramLoadOptions options, BotProcess.Launch launch, PrintStream out)
      throws Exception {
    Path root = RealContent.dir().getParent();
    Content content = ContentLoader.load(root.resolve("content"));
    GroundingScript script = GroundingScript.of(content, "ground", "en");
    ReplyTally tally = new ReplyTally();
    long measured = options.measure().toSeconds() * options.iterations() + 60;
    LatencyRecorder recorder =
        new LatencyRecorder((int) Math.min(MAX_LATENCIES, measured * 10_000));
    UpdateFeed feed = new UpdateFeed(recorder);
    long botId = Long.parseLong(TOKEN.substring(0, TOKEN.indexOf(':')));
    Members members =
        new Members(
            options.memberCount(),
            script,
            new UpdateJson(botId, LeanBotApi.BOT_USERNAME),
            tally,
            recorder);
    Faults faults =
        new Faults(
            options.fault429(),
            options.fault429Methods(),
            options.fault5xx(),
            options.fault5xxMethods(),
            options.retryAfter());

    printHeader(options, launch, script, faults, out);
    try (BenchRedis redis = BenchRedis.start(2);
        LeanBotApi api =
            LeanBotApi.start(TOKEN, feed, members, faults, tally, options.serverThreads())) {
      redis.flush();
      out.printf("%s%n", redis.describe());
      Map<String, String> env = new LinkedHashMap<>();
      env.put("TELEGRAM_BOT_TOKEN", TOKEN);
      env.put("TELEGRAM_API_URL", api.baseUrl());
      env.put("REDIS_URL", redis.url());
      env.put("EVENKEEL_LOGGING_LEVEL", "warn");
      env.putAll(options.botEnv());
      Path log =
          root.resolve("benchmarks/target/telegram-load")
              .resolve(
                  "bot-"
                      + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"))
                      + ".log");
      try (BotProcess bot = BotProcess.start(launch, root, env, options.botJvm(), log)) {
        awaitPolling(api, bot);
        out.printf("Bot: pid %d, polling; its output: %s%n%n", bot.pid(), root.relativize(log));
        Result result =
            load(options, script, members, feed, faults, tally, recorder, api, bot, redis, out);
        bot.close();
        printBotLog(bot, out);
        out.printf("%nLoad average after: %s%n", CpuSample.loadAverage());
        return result;
      }
    }
  }

  private static Result load(
      TelegramLoadOptions options,
      GroundingScript script,
      Members members,
      UpdateFeed feed,
      Faults faults,
      ReplyTally tally,
      LatencyRecorder recorder,
      LeanBotApi api,
      BotProcess bot,
      BenchRedis redis,
      PrintStream out)
      throws InterruptedException {
    int limit = options.rounds() * script.moves().size();
    LoadDriver driver =
        options.mode() == TelegramLoadOptions.Mode.CLOSED
            ? new ClosedLoopDriver(members, feed, limit)
            : new OpenLoopDriver(members, feed, options.rate(), limit);
    members.onMoveDone(driver::ready);
    long timeout = options.replyTimeout().toNanos();
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "overdue-sweeper");
              t.setDaemon(true);
              return t;
            });
    List<Double> perSecond = new ArrayList<>();
    try {
      sweeper.scheduleWithFixedDelay(
          () -> giveUpOverdue(members, driver, timeout), 250, 250, TimeUnit.MILLISECONDS);
      faults.arm();
      if (limit > 0) {
        out.printf(
            "%,d rounds of the flow per member, measured as one iteration%n", options.rounds());
        recorder.startMeasuring();
        perSecond.add(
            iteration(
                1,
                recorder,
                bot,
                redis,
                out,
                () -> {
                  driver.start();
                  awaitAllThrough(members, limit, options, script);
                }));
      } else {
        driver.start();
        out.printf("Warm-up: %d s%n", options.warmup().toSeconds());
        sleep(options.warmup());
        if (options.mode() == TelegramLoadOptions.Mode.OPEN) {
          out.printf("  starved during the warm-up: %,d due messages%n", driver.starved());
        }
        recorder.startMeasuring();
        for (int i = 1; i <= options.iterations(); i++) {
          perSecond.add(iteration(i, recorder, bot, redis, out, () -> sleep(options.measure())));
        }
      }
      recorder.stopMeasuring();
      driver.stop();
      drain(members, tally, options, longestPause(script));
      members.all().forEach(TelegramMember::settle);
    } finally {
      driver.close();
      sweeper.shutdownNow();
    }
    Result result =
        new Result(
            tally,
            recorder,
            perSecond,
            api.calls(),
            faults.injected(),
            bot.alive(),
            api.internalErrors());
    TelegramLoadReport.print(result, options, driver.starved(), feed, api, out);
    return result;
  }

  /** Something that takes the time of an iteration. */
  @FunctionalInterface
  private interface Period {
    void pass() throws InterruptedException;
  }

  /** Measures one iteration; returns its messages per second. */
  private static double iteration(
      int i, LatencyRecorder recorder, BotProcess bot, BenchRedis redis, PrintStream out, Period p)
      throws InterruptedException {
    CpuSample before = CpuSample.take(bot, redis);
    LongAdder moves = recorder.startIteration();
    p.pass();
    long done = moves.sum();
    recorder.endIteration();
    CpuSample used = CpuSample.take(bot, redis).since(before);
    printIteration(i, done, used, out);
    return done / used.seconds();
  }

  /** Waits until every member made {@code limit} moves and has its replies (or gave up). */
  private static void awaitAllThrough(
      Members members, int limit, TelegramLoadOptions options, GroundingScript script)
      throws InterruptedException {
    Duration round =
        script.moves().stream()
            .map(GroundingScript.Move::pause)
            .reduce(Duration.ZERO, Duration::plus);
    long deadline =
        System.nanoTime()
            + round.plus(options.replyTimeout()).multipliedBy(options.rounds() + 1L).toNanos();
    while (!members.allThrough(limit) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static Duration longestPause(GroundingScript script) {
    return script.moves().stream()
        .map(GroundingScript.Move::pause)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  private static void giveUpOverdue(Members members, LoadDriver driver, long timeoutNanos) {
    long now = System.nanoTime();
    for (TelegramMember member : members.all()) {
      if (member.giveUpIfOverdue(now, timeoutNanos)) {
        driver.ready(member);
      }
    }
  }

  /** Waits for the members still waiting: their replies, or their giving up. */
  /**
   * Waits, after the last message was sent, until no member waits and no reply came for {@link
   * #QUIET} (longer than any pause of the flow): replies of given-up moves and late duplicates
   * still arrive meanwhile. Bounded by the reply timeout plus {@link #LONGEST_DRAIN}.
   */
  private static void drain(
      Members members, ReplyTally tally, TelegramLoadOptions options, Duration longestPause)
      throws InterruptedException {
    Duration quiet = QUIET.compareTo(longestPause) > 0 ? QUIET : longestPause.plusSeconds(1);
    long deadline = System.nanoTime() + options.replyTimeout().plus(LONGEST_DRAIN).toNanos();
    long replies = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (tally.replies.sum() != replies || members.waiting() > 0) {
        replies = tally.replies.sum();
        quietSince = now;
      } else if (now - quietSince >= quiet.toNanos()) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static void awaitPolling(LeanBotApi api, BotProcess bot) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (api.calls("getupdates") == 0) {
      if (!bot.alive()) {
        throw new IllegalStateException("the bot stopped before polling:\n" + bot.logTail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the bot did not poll within " + START_TIMEOUT + ":\n" + bot.logTail(40));
      }
      Thread.sleep(50);
    }
  }

  private static void printHeader(
      TelegramLoadOptions options,
      BotProcess.Launch launch,
      GroundingScript script,
      Faults faults,
      PrintStream out) {
    out.printf(
        "Telegram load, %s loop: %,d members%s; faults: %s%n",
        options.mode().name().toLowerCase(java.util.Locale.ROOT),
        options.memberCount(),
        options.mode() == TelegramLoadOptions.Mode.OPEN
            ? String.format(", %,d messages/s", options.rate())
            : ", one message outstanding each",
        faults.describe());
    out.printf(
        "Machine: %d cores, %s %s, Java %s; load average before: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.version(),
        CpuSample.loadAverage());
    out.printf(
        "Bot: %s, JVM options %s, extra environment %s%n",
        launch, options.botJvm(), options.botEnv());
    out.printf(
        "Grounding flow: %d messages a round (%s), pauses %s%n",
        script.moves().size(),
        script.moves().stream().map(m -> m.action().getClass().getSimpleName()).toList(),
        script.moves().stream().map(m -> m.pause().toMillis() + " ms").toList());
  }

  private static void printIteration(int i, long moves, CpuSample used, PrintStream out) {
    double s = used.seconds();
    out.printf(
        "Iteration %d: %,.0f messages/s (%,d in %.1f s); CPU per message: bot %.0f us (%.0f%% in"
            + " the kernel), Redis %.0f us, load generator %.0f us; cores: bot %.2f, Redis %.2f,"
            + " load generator %.2f, all processes %.2f%n",
        i,
        moves / s,
        moves,
        s,
        used.bot() / moves * 1e6,
        used.botKernel() / used.bot() * 100,
        used.redis() / moves * 1e6,
        used.generator() / moves * 1e6,
        used.bot() / s,
        used.redis() / s,
        used.generator() / s,
        used.machine() / s);
  }

  private static void printBotLog(BotProcess bot, PrintStream out) {
    Map<String, Integer> summary = bot.logSummary();
    out.printf("%nBot warnings and errors (%d kinds):%n", summary.size());
    summary.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(15)
        .forEach(e -> out.printf("  %,7d  %s%n", e.getValue(), e.getKey()));
  }

  private static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
