package org.evenkeel.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenkeel.bench.BenchRedis.ServerCounters;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.redis.RedisKeys;

/**
 * Load on the production turn path over Redis (docs/benchmarks.md): turns/s and turn latency with
 * many conversations at once, Redis requests per turn (counted by the server, and per operation),
 * what the keyspace holds afterwards, and Redis memory per idle member. Starts its own redis-server
 * unless {@value BenchRedis#URL_VARIABLE} is set, and talks to nothing else.
 *
 * <p>Options ({@code --name=value}) are in {@link LoadOptions}; every loop is bounded by a turn or
 * member count and, for the load, by time.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = LoadOptions.parse(args);
    try (BenchRedis redis = BenchRedis.start(options.workers() + options.submitters() + 8)) {
      run(options, redis, System.out);
    }
  }

  /** The headline figures, for the smoke test. */
  record Figures(Throughput.Result throughput, double requestsPerTurn, double bytesPerIdleMember) {}

  /** Runs every measurement against {@code redis}, whose database it flushes, and prints them. */
  static Figures run(LoadOptions options, BenchRedis redis, PrintStream out) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(options.workers(), named("turn"));
    ExecutorService submitters = Executors.newFixedThreadPool(options.submitters(), named("sub"));
    try {
      redis.flush();
      out.printf(
          "Machine: %d cores, %s %s, Java %s; %s%nJVM arguments: %s%n%s%n%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"),
          System.getProperty("os.arch"),
          Runtime.version(),
          redis.describe(),
          ManagementFactory.getRuntimeMXBean().getInputArguments(),
          options);
      Engine engine = RealContent.engine(RealContent.load());
      out.printf(
          "Calibration: a free-text Engine.handle takes %.0f us on one thread right now%n%n",
          Calibration.engineMicros(engine));

      Throughput.Result load = Throughput.measure(engine, redis, options, workers, submitters, out);
      double requestsPerTurn = printThroughput(load, options, out);
      RoundTripProbe.print(engine, redis, out);
      KeyspaceSummary.print(redis.client(), out);

      out.printf("%nIdle members: %,d%n", options.members());
      IdleMemberMemory.Result memory =
          IdleMemberMemory.measure(
              redis, RedisKeys.withDefaultPrefix(), options.members(), submitters);
      out.printf(
          "  used_memory %,d -> %,d bytes: %.1f bytes per idle member; %,d keys%n",
          memory.usedBefore(), memory.usedAfter(), memory.bytesPerMember(), memory.keys());
      memory
          .sampleKeys()
          .forEach((key, bytes) -> out.printf("  MEMORY USAGE %s = %,d bytes%n", key, bytes));
      return new Figures(load, requestsPerTurn, memory.bytesPerMember());
    } finally {
      workers.shutdownNow();
      submitters.shutdownNow();
    }
  }

  private static double printThroughput(
      Throughput.Result load, LoadOptions options, PrintStream out) {
    double[] p = load.latencies().percentilesMillis(0.5, 0.9, 0.99, 0.999, 1.0);
    out.printf(
        "%nTurns/s, %d conversations: %s%n",
        options.conversations(), Stats.meanAndSpread(load.turnsPerSecond()));
    out.printf(
        "Turn latency, member sends to reply delivered (ms): p50 %.2f, p90 %.2f, p99 %.2f,"
            + " p99.9 %.2f, max %.2f (%,d turns)%n",
        p[0], p[1], p[2], p[3], p[4], load.latencies().count());

    ServerCounters server = load.server();
    double turns = load.turns();
    out.printf("%nRedis requests per turn (server, %,d measured turns):%n", load.turns());
    out.printf("  total_reads_processed      %.3f%n", server.reads() / turns);
    out.printf(
        "  total_commands_processed   %.3f (commands inside scripts included)%n",
        server.commands() / turns);
    out.printf("  %-26s %8s %14s%n", "INFO commandstats", "calls", "usec executing");
    new TreeMap<>(server.calls())
        .forEach(
            (command, n) ->
                out.printf(
                    "  %-26s %8.3f %14.1f%n",
                    command, n / turns, server.micros().getOrDefault(command, 0L) / turns));
    out.printf("Store and mailbox calls per turn (client):%n");
    load.callsPerTurn().forEach((op, n) -> out.printf("  %-26s %.3f%n", op, n));
    return server.reads() / turns;
  }

  private static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "bench-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
