package org.evenkeel.bench;

import java.io.PrintStream;
import java.util.Map;
import org.evenkeel.core.engine.Engine;

/**
 * Requests per store and mailbox operation, counted exactly: a few conversations run one turn at a
 * time on the calling thread, and the server's read counter is taken around every call. Nothing
 * else may use the server meanwhile.
 */
final class RoundTripProbe {

  private static final int MEMBERS = 5;
  private static final int TURNS_EACH = 8;

  private RoundTripProbe() {}

  static void print(Engine engine, BenchRedis redis, PrintStream out) {
    Operations operations = Operations.probing(redis::counters);
    try (TurnPath path = new TurnPath(engine, redis.client(), operations, Runnable::run)) {
      for (int m = 0; m < MEMBERS; m++) {
        SimulatedMember member = new SimulatedMember("probe", m, 7, true);
        for (int t = 0; t < TURNS_EACH; t++) {
          path.dispatcher.submit(member.next(path.outbound.latest(member.address()))).join();
        }
      }
    }
    int turns = MEMBERS * TURNS_EACH;
    Map<String, Long> calls = operations.calls();
    Map<String, Long> requests = operations.requests();
    Map<String, Long> micros = operations.micros();
    out.printf("%nRequests by operation (probed one at a time, %d turns):%n", turns);
    out.printf(
        "  %-24s %10s %13s %13s %13s%n",
        "operation", "calls/turn", "requests/call", "requests/turn", "usec/call");
    double total = 0;
    double totalMicros = 0;
    for (Map.Entry<String, Long> e : calls.entrySet()) {
      long sent = requests.getOrDefault(e.getKey(), 0L);
      long executing = micros.getOrDefault(e.getKey(), 0L);
      total += sent / (double) turns;
      totalMicros += executing / (double) turns;
      out.printf(
          "  %-24s %10.3f %13.3f %13.3f %13.1f%n",
          e.getKey(),
          e.getValue() / (double) turns,
          sent / (double) e.getValue(),
          sent / (double) turns,
          executing / (double) e.getValue());
    }
    out.printf("  %-24s %10s %13s %13.3f %13s%n", "total per turn", "", "", total, "");
    out.printf("  server time executing them: %.1f usec per turn%n", totalMicros);
  }
}
