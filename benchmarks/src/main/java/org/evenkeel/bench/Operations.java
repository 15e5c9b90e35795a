package org.evenkeel.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.evenkeel.bench.BenchRedis.ServerCounters;

/**
 * Counts calls of each store and mailbox operation. With a probe (the server's counters) it also
 * counts the requests each call sent and the time the server spent executing them, from the
 * counters taken around the call. Probing is exact only while nothing else talks to the server, so
 * probed runs are single-threaded.
 */
final class Operations {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> micros = new ConcurrentHashMap<>();
  private final Optional<Supplier<ServerCounters>> probe;

  private Operations(Optional<Supplier<ServerCounters>> probe) {
    this.probe = probe;
  }

  static Operations counting() {
    return new Operations(Optional.empty());
  }

  static Operations probing(Supplier<ServerCounters> server) {
    return new Operations(Optional.of(server));
  }

  <T> T run(String operation, Supplier<T> call) {
    add(calls, operation, 1);
    if (probe.isEmpty()) {
      return call.get();
    }
    ServerCounters before = probe.get().get();
    T result = call.get();
    ServerCounters sent = probe.get().get().since(before);
    add(requests, operation, sent.reads());
    add(micros, operation, executionMicros(sent));
    return result;
  }

  /**
   * Server time of one call: its script's, or for a call that runs no script, its single command's.
   * (A script's time includes the commands it runs, which commandstats also counts on their own.)
   */
  private static long executionMicros(ServerCounters sent) {
    Map<String, Long> t = sent.micros();
    long scripts = t.getOrDefault("evalsha", 0L) + t.getOrDefault("eval", 0L);
    return scripts > 0 ? scripts : t.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls so far, by operation. */
  Map<String, Long> calls() {
    return sums(calls);
  }

  /** Requests the server read for each operation so far (probing only). */
  Map<String, Long> requests() {
    return sums(requests);
  }

  /** Microseconds the server spent executing each operation so far (probing only). */
  Map<String, Long> micros() {
    return sums(micros);
  }

  private static void add(Map<String, LongAdder> counts, String operation, long n) {
    counts.computeIfAbsent(operation, k -> new LongAdder()).add(n);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
