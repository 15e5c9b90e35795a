package org.evenkeel.bench.checkins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.redis.RedisStore;

/** What the pumps' claims cost Redis: a tick with nothing due, and a queue full of due timers. */
final class ClaimCost {

  /** The batch {@code TimerPump} claims with ({@code TimerPump.BATCH}, private there). */
  static final int BATCH = 200;

  /** Long enough that nothing claimed in a pass is handed out again during it. */
  private static final Duration VISIBILITY = Duration.ofHours(1);

  private ClaimCost() {}

  /**
   * Redis's cost of {@code ticks} claims that find nothing due, per claim.
   *
   * @param cpuMicros {@code used_cpu_user + used_cpu_sys} per claim, less what the server used by
   *     itself over the same wall time with no requests (measured right after)
   * @param idleCpuMicros that idle share, per claim's worth of wall time, already subtracted
   * @param scriptMicros {@code EVALSHA} execution time per claim ({@code INFO commandstats})
   * @param wallMicros wall time per claim, one claim after another from one thread
   * @param commands commands Redis executed per claim, those inside the script included
   */
  record Tick(
      double cpuMicros,
      double idleCpuMicros,
      double scriptMicros,
      double wallMicros,
      double commands) {}

  static Tick idleTicks(RedisStore store, RedisInfo info, Instant now, int ticks)
      throws InterruptedException {
    double cpu = info.cpuSeconds();
    long script = info.evalshaMicros();
    long commands = info.commands();
    long start = System.nanoTime();
    for (int t = 0; t < ticks; t++) {
      if (!store.claimDue(now, BATCH, VISIBILITY).isEmpty()) {
        throw new IllegalStateException("a timer was due at " + now + "; an idle tick claims none");
      }
    }
    long wall = System.nanoTime() - start;
    // Less the INFO that read the first count: it is counted once it has run.
    long executed = info.commands() - commands - 1;
    double used = info.cpuSeconds() - cpu;
    long scripts = info.evalshaMicros() - script;

    double idleStart = info.cpuSeconds();
    Thread.sleep(Math.max(1, wall / 1_000_000));
    double idle = info.cpuSeconds() - idleStart;
    return new Tick(
        (used - idle) * 1e6 / ticks,
        idle * 1e6 / ticks,
        scripts / (double) ticks,
        wall / 1e3 / ticks,
        executed / (double) ticks);
  }

  /**
   * Claims everything due at {@code now} in batches of {@link #BATCH} from {@code claimers} threads
   * at once, as the pumps of that many instances do.
   *
   * @param claimed every timer handed out (each exactly once, or the run fails)
   * @param calls claim calls made, the last empty one of each thread included
   * @param took wall time from the first claim to the last thread's empty one
   */
  record Pass(List<DueTimer> claimed, int calls, Duration took) {
    double claimsPerSecond() {
      return claimed.size() / (took.toNanos() / 1e9);
    }
  }

  static Pass claimAll(RedisStore store, Instant now, int claimers)
      throws InterruptedException, ExecutionException {
    ConcurrentLinkedQueue<DueTimer> claimed = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    long start = System.nanoTime();
    ScheduledMembers.inParallel(
        claimers,
        claimers,
        ignored -> {
          List<DueTimer> batch;
          do {
            batch = store.claimDue(now, BATCH, VISIBILITY);
            calls.incrementAndGet();
            claimed.addAll(batch);
          } while (!batch.isEmpty());
        });
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Pass(new ArrayList<>(claimed), calls.get(), took);
  }

  /** Completes {@code timers} from {@code threads} threads, as the pumps do after each turn. */
  static Duration completeAll(RedisStore store, List<DueTimer> timers, int threads)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    ScheduledMembers.inParallel(timers.size(), threads, i -> store.complete(timers.get(i)));
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
