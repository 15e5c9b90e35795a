package org.evenkeel.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The load generator's settings, from {@code --name=value} arguments; every one has a default.
 *
 * @param conversations members chatting at once, each with one event in flight
 * @param warmup how long the load runs before anything is measured
 * @param measure how long each measured iteration runs
 * @param iterations measured iterations, for the spread of turns/s
 * @param maxTurns turn budget of any one run, whichever of it and the time comes first
 * @param workers the dispatcher's turn threads
 * @param submitters threads that submit events (the platform adapter's request threads)
 * @param members idle members for the memory measurement
 * @param seed what the simulated members' choices derive from
 * @param freeText whether members write free text; without it they send /menu instead, so no turn
 *     runs the safety screen or intent matching
 */
record LoadOptions(
    int conversations,
    Duration warmup,
    Duration measure,
    int iterations,
    int maxTurns,
    int workers,
    int submitters,
    int members,
    long seed,
    boolean freeText) {

  static final LoadOptions DEFAULTS =
      new LoadOptions(
          2_000,
          Duration.ofSeconds(30),
          Duration.ofSeconds(20),
          3,
          2_000_000,
          16,
          4,
          100_000,
          1,
          true);

  LoadOptions {
    if (conversations < 1 || iterations < 1 || maxTurns < 1 || workers < 1 || submitters < 1) {
      throw new IllegalArgumentException("counts must be at least 1");
    }
    if (members < 1 || warmup.isNegative() || measure.isNegative()) {
      throw new IllegalArgumentException("members must be at least 1, durations not negative");
    }
  }

  /** Parses {@code --conversations=2000 --warmup=30 --measure=20 ...} (durations in seconds). */
  static LoadOptions parse(String... args) {
    Map<String, String> given = NamedArgs.parse(args);
    LoadOptions d = DEFAULTS;
    LoadOptions options =
        new LoadOptions(
            NamedArgs.integer(given.remove("conversations"), d.conversations),
            NamedArgs.seconds(given.remove("warmup"), d.warmup),
            NamedArgs.seconds(given.remove("measure"), d.measure),
            NamedArgs.integer(given.remove("iterations"), d.iterations),
            NamedArgs.integer(given.remove("max-turns"), d.maxTurns),
            NamedArgs.integer(given.remove("workers"), d.workers),
            NamedArgs.integer(given.remove("submitters"), d.submitters),
            NamedArgs.integer(given.remove("members"), d.members),
            given.containsKey("seed") ? Long.parseLong(given.remove("seed")) : d.seed,
            given.containsKey("free-text")
                ? Boolean.parseBoolean(given.remove("free-text"))
                : d.freeText);
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown options "
              + given.keySet()
              + "; known: conversations, warmup, measure,"
              + " iterations, max-turns, workers, submitters, members, seed, free-text");
    }
    return options;
  }
}
