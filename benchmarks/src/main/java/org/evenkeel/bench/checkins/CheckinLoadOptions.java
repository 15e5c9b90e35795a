package org.evenkeel.bench.checkins;

import java.util.Map;
import org.evenkeel.bench.NamedArgs;

/**
 * What {@link CheckinLoad} measures, from {@code --name=value} arguments.
 *
 * @param members scheduled members written to Redis (N)
 * @param dueAtOnce how many of them come due in the same few minutes, for the claim throughput
 * @param ticks claim calls per idle-tick measurement
 * @param rounds idle-tick measurements, each of {@code ticks} calls
 * @param claimers threads claiming at the same time in the second throughput pass (instances)
 * @param writers threads writing the members
 * @param samples members whose keys are sampled with {@code MEMORY USAGE}
 */
record CheckinLoadOptions(
    int members, int dueAtOnce, int ticks, int rounds, int claimers, int writers, int samples) {

  static final CheckinLoadOptions DEFAULTS =
      new CheckinLoadOptions(100_000, 100_000, 1_000, 3, 3, 8, 100);

  CheckinLoadOptions {
    if (members < 1
        || dueAtOnce < 1
        || ticks < 1
        || rounds < 1
        || claimers < 1
        || writers < 1
        || samples < 1) {
      throw new IllegalArgumentException("every count must be at least 1");
    }
  }

  /** Parses {@code --members=1000000 --ticks=1000 ...}; unknown names are refused. */
  static CheckinLoadOptions parse(String... args) {
    Map<String, String> given = NamedArgs.parse(args);
    CheckinLoadOptions d = DEFAULTS;
    CheckinLoadOptions options =
        new CheckinLoadOptions(
            NamedArgs.integer(given.remove("members"), d.members),
            NamedArgs.integer(given.remove("due-at-once"), d.dueAtOnce),
            NamedArgs.integer(given.remove("ticks"), d.ticks),
            NamedArgs.integer(given.remove("rounds"), d.rounds),
            NamedArgs.integer(given.remove("claimers"), d.claimers),
            NamedArgs.integer(given.remove("writers"), d.writers),
            NamedArgs.integer(given.remove("samples"), d.samples));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown options "
              + given.keySet()
              + "; known: members, due-at-once, ticks, rounds, claimers, writers, samples");
    }
    return options;
  }
}
