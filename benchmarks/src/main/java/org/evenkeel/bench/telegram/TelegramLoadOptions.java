package org.evenkeel.bench.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.evenkeel.bench.NamedArgs;

/**
 * The Telegram load's settings, from {@code --name=value} arguments; every one has a default.
 * {@code --bot-env=KEY=VALUE} and {@code --bot-jvm=OPTION} may be repeated.
 *
 * @param mode closed (each member has one message outstanding) or open (a fixed arrival rate)
 * @param members simulated members; 0 for the mode's default
 * @param rate messages per second in open mode
 * @param warmup how long the load runs before anything is measured
 * @param measure length of each measured iteration
 * @param iterations measured iterations, for the spread of messages/s
 * @param rounds when above 0, each member goes through the flow this many times and the run ends
 *     when all are through, measured as one iteration without warm-up (warmup, measure and
 *     iterations are not used)
 * @param fault429 fraction of the bot's calls answered 429
 * @param fault429Methods lower-case names of the methods that may get a 429; empty for all
 * @param fault5xx fraction answered 500
 * @param fault5xxMethods the methods that may get a 500; empty for all
 * @param retryAfter the retry_after of a 429, in seconds
 * @param replyTimeout how long beyond the flow's own pause a member waits before giving up
 * @param serverThreads the fake Bot API's threads
 * @param botJar the shaded jar to run; empty for bot-app/target/bot-app-*-all.jar
 * @param botEnv extra environment of the bot, e.g. EVENKEEL_WORKERS=8
 * @param botJvm options of the bot's JVM, e.g. -Xmx1g
 */
record TelegramLoadOptions(
    Mode mode,
    int members,
    int rate,
    Duration warmup,
    Duration measure,
    int iterations,
    int rounds,
    double fault429,
    Set<String> fault429Methods,
    double fault5xx,
    Set<String> fault5xxMethods,
    int retryAfter,
    Duration replyTimeout,
    int serverThreads,
    Optional<String> botJar,
    Map<String, String> botEnv,
    List<String> botJvm) {

  /** How members send. */
  enum Mode {
    CLOSED,
    OPEN
  }

  static final int CLOSED_MEMBERS = 2_000;
  static final int OPEN_MEMBERS = 6_000;

  private static final Set<String> NAMES =
      Set.of(
          "mode",
          "members",
          "rate",
          "warmup",
          "measure",
          "iterations",
          "rounds",
          "fault-429",
          "fault-429-methods",
          "fault-5xx",
          "fault-5xx-methods",
          "retry-after",
          "reply-timeout",
          "server-threads",
          "bot-jar",
          "bot-env",
          "bot-jvm");

  TelegramLoadOptions {
    fault429Methods = Set.copyOf(fault429Methods);
    fault5xxMethods = Set.copyOf(fault5xxMethods);
    botEnv = Map.copyOf(botEnv);
    botJvm = List.copyOf(botJvm);
    if (members < 0 || rounds < 0 || rate < 1 || iterations < 1 || serverThreads < 2) {
      throw new IllegalArgumentException(
          "members and rounds must not be negative; rate, iterations at least 1; server threads"
              + " at least 2");
    }
    if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative, measure must be positive");
    }
    botEnv.keySet().stream()
        .filter(k -> !k.startsWith("EVENKEEL_"))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException(
                  "--bot-env sets settings (EVENKEEL_*), not " + k + ": the load sets that itself");
            });
  }

  /** Members to simulate: the given number, or the mode's default. */
  int memberCount() {
    return members > 0 ? members : mode == Mode.CLOSED ? CLOSED_MEMBERS : OPEN_MEMBERS;
  }

  /** Parses {@code --mode=open --rate=1000 --bot-env=EVENKEEL_WORKERS=8 ...}. */
  static TelegramLoadOptions parse(String... args) {
    Map<String, String> given = new LinkedHashMap<>();
    Map<String, String> botEnv = new LinkedHashMap<>();
    List<String> botJvm = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value but got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; known: " + new TreeSet<>(NAMES));
      }
      if (name.equals("bot-env")) {
        int kv = value.indexOf('=');
        if (kv < 1) {
          throw new IllegalArgumentException("expected --bot-env=KEY=VALUE but got '" + arg + "'");
        }
        botEnv.put(value.substring(0, kv), value.substring(kv + 1));
      } else if (name.equals("bot-jvm")) {
        botJvm.add(value);
      } else {
        given.put(name, value);
      }
    }
    return new TelegramLoadOptions(
        Mode.valueOf(given.getOrDefault("mode", "closed").toUpperCase(Locale.ROOT)),
        NamedArgs.integer(given.get("members"), 0),
        NamedArgs.integer(given.get("rate"), 1_000),
        NamedArgs.seconds(given.get("warmup"), Duration.ofSeconds(30)),
        NamedArgs.seconds(given.get("measure"), Duration.ofSeconds(30)),
        NamedArgs.integer(given.get("iterations"), 3),
        NamedArgs.integer(given.get("rounds"), 0),
        fraction(given.get("fault-429")),
        methods(given.getOrDefault("fault-429-methods", "")),
        fraction(given.get("fault-5xx")),
        methods(given.getOrDefault("fault-5xx-methods", "")),
        NamedArgs.integer(given.get("retry-after"), 1),
        NamedArgs.seconds(given.get("reply-timeout"), Duration.ofSeconds(30)),
        NamedArgs.integer(given.get("server-threads"), 16),
        Optional.ofNullable(given.get("bot-jar")),
        botEnv,
        botJvm);
  }

  /** "0.02" or "2%". */
  private static double fraction(String value) {
    if (value == null) {
      return 0;
    }
    return value.endsWith("%")
        ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
        : Double.parseDouble(value);
  }

  private static Set<String> methods(String list) {
    Set<String> methods = new TreeSet<>();
    for (String m : list.split(",")) {
      if (!m.isBlank()) {
        methods.add(m.strip().toLowerCase(Locale.ROOT));
      }
    }
    return methods;
  }
}
