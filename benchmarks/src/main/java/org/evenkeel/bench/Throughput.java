package org.evenkeel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.evenkeel.bench.BenchRedis.ServerCounters;
import org.evenkeel.core.engine.Engine;

/**
 * Turns/s, turn latency and requests per turn with a fixed number of conversations in flight: a
 * warm-up run, then measured iterations, with the server's and the client's counters taken around
 * the measured ones only.
 */
final class Throughput {

  /**
   * What the measured iterations showed.
   *
   * @param turnsPerSecond one figure per iteration
   * @param latencies every measured turn's, from the member sending to the reply delivered
   * @param turns measured turns in all
   * @param server the server's counters over the measured iterations
   * @param callsPerTurn store and mailbox calls per measured turn, by operation
   */
  record Result(
      List<Double> turnsPerSecond,
      Latencies latencies,
      long turns,
      ServerCounters server,
      Map<String, Double> callsPerTurn) {}

  private Throughput() {}

  static Result measure(
      Engine engine,
      BenchRedis redis,
      LoadOptions options,
      Executor workers,
      Executor submitters,
      PrintStream out)
      throws InterruptedException {
    Operations operations = Operations.counting();
    try (TurnPath path = new TurnPath(engine, redis.client(), operations, workers)) {
      List<SimulatedMember> members = new ArrayList<>();
      for (int i = 0; i < options.conversations(); i++) {
        members.add(new SimulatedMember("bench", i, options.seed(), options.freeText()));
      }
      ClosedLoop load = new ClosedLoop(path.dispatcher, path.outbound, members, submitters);
      ClosedLoop.Run warmup = load.run(options.warmup(), options.maxTurns(), new Latencies(0));
      out.printf("Warm-up: %,d turns in %.1f s%n", warmup.turns(), seconds(warmup));

      Latencies latencies = new Latencies(options.maxTurns());
      List<Double> rates = new ArrayList<>();
      long turns = 0;
      CpuUse cpu = new CpuUse(redis);
      Map<String, Long> events = new TreeMap<>();
      ServerCounters before = redis.counters();
      Map<String, Long> callsBefore = operations.calls();
      for (int i = 1; i <= options.iterations() && turns < options.maxTurns(); i++) {
        ClosedLoop.Run run = load.run(options.measure(), options.maxTurns() - turns, latencies);
        turns += run.turns();
        rates.add(run.turnsPerSecond());
        run.events().forEach((kind, n) -> events.merge(kind, n, Long::sum));
        out.printf(
            "Iteration %d: %,d turns in %.2f s = %,.0f turns/s (%d events not accepted)%n",
            i, run.turns(), seconds(run), run.turnsPerSecond(), run.rejected());
      }
      ServerCounters server = redis.counters().since(before);
      out.printf("CPU while measured: %s%n", CpuUse.since(cpu, redis, turns));
      out.printf("Events sent: %s%n", events);
      return new Result(
          rates, latencies, turns, server, perTurn(operations.calls(), callsBefore, turns));
    }
  }

  private static Map<String, Double> perTurn(
      Map<String, Long> after, Map<String, Long> before, long turns) {
    Map<String, Double> out = new TreeMap<>();
    after.forEach((op, n) -> out.put(op, (n - before.getOrDefault(op, 0L)) / (double) turns));
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static double seconds(ClosedLoop.Run run) {
    return run.elapsed().toNanos() / 1e9;
  }
}
