package org.evenkeel.bench.checkins;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.evenkeel.bench.BenchRedis;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.redis.RedisConnections;
import org.evenkeel.redis.RedisKeys;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.RedisUrl;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * What daily check-ins cost Redis (issue 6), with N scheduled members written through the real
 * {@link RedisStore#commit} path ({@link ScheduledMembers}):
 *
 * <ol>
 *   <li>memory per scheduled member for the schedule: {@code used_memory} with the members before
 *       and after their check-in was set (zone, time and last date in the profile, the timer in the
 *       {@code records} hash and the partition's due-queue), and {@code MEMORY USAGE} per key kind;
 *   <li>Redis CPU per claim tick with nothing due ({@code used_cpu_user + used_cpu_sys} over {@code
 *       --ticks} calls of {@link RedisStore#claimDue}), on an empty database and with the N
 *       members, so runs with different N show whether a tick works per member;
 *   <li>claim throughput with {@code --due-at-once} members due in the same minutes: claims per
 *       second in batches of {@link ClaimCost#BATCH}, from one claimer and from {@code --claimers}
 *       at once, and completes per second.
 * </ol>
 *
 * <p>Starts its own {@code redis-server} unless {@code EVENKEEL_BENCH_REDIS_URL} is set (that
 * database is flushed!). Options in {@link CheckinLoadOptions}.
 */
public final class CheckinLoad {

  private CheckinLoad() {}

  public static void main(String[] args) throws Exception {
    CheckinLoadOptions options = CheckinLoadOptions.parse(args);
    try (BenchRedis server = BenchRedis.start(2);
        UnifiedJedis redis = client(server.url(), options.writers() + options.claimers() + 2)) {
      run(options, server.describe(), redis, System.out);
    }
  }

  private static UnifiedJedis client(String url, int connections) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    pool.setTestWhileIdle(false); // no PINGs of its own: the server's counters count only ours
    pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
    return RedisConnections.open(RedisUrl.parse(url), pool);
  }

  static void run(CheckinLoadOptions options, String server, UnifiedJedis redis, PrintStream out)
      throws Exception {
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    RedisStore store = new RedisStore(redis);
    RedisInfo info = new RedisInfo(redis);
    int n = options.members();
    int dueAtOnce = Math.min(n, options.dueAtOnce());
    ScheduledMembers members = new ScheduledMembers(store, redis, keys, dueAtOnce);
    redis.flushDB();
    out.printf(
        "Daily check-ins: %,d scheduled members, %,d of them due at once; %s; %d cores, Java %s%n"
            + "%s%n%n",
        n,
        dueAtOnce,
        server,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        options);

    out.println("(b) Claim tick with nothing due, empty database:");
    printTicks(store, info, options, out);

    long empty = info.usedMemory();
    long started = System.nanoTime();
    ScheduledMembers.inParallel(n, options.writers(), members::join);
    long joined = info.usedMemory();
    long joinedKeys = redis.dbSize();
    MemorySample before = MemorySample.take(redis, keys, n, options.samples());
    ScheduledMembers.inParallel(n, options.writers(), members::schedule);
    long scheduled = info.usedMemory();
    long scheduledKeys = redis.dbSize();
    MemorySample after = MemorySample.take(redis, keys, n, options.samples());
    out.printf(
        "%n(a) Memory (%,d members written twice in %.0f s):%n",
        n, (System.nanoTime() - started) / 1e9);
    out.printf(
        "  used_memory: empty %,d B; members without check-ins %,d B (%.1f B each, %,d keys);"
            + " with check-ins %,d B (%,d keys)%n",
        empty, joined, (joined - empty) / (double) n, joinedKeys, scheduled, scheduledKeys);
    out.printf(
        "  the schedule: %.1f B per scheduled member (used_memory difference / N)%n",
        (scheduled - joined) / (double) n);
    MemorySample.printDifference(before, after, n, out);

    out.printf("%n(b) Claim tick with nothing due, %,d scheduled members:%n", n);
    printTicks(store, info, options, out);

    out.printf(
        "%n(c) Claims, %,d members due at once (batches of %d):%n", dueAtOnce, ClaimCost.BATCH);
    ClaimCost.Pass one = ClaimCost.claimAll(store, ScheduledMembers.MORNING_DUE, 1);
    printPass(one, 1, dueAtOnce, out);
    ScheduledMembers.inParallel(dueAtOnce, options.writers(), i -> members.schedule(i, "again"));
    ClaimCost.Pass several =
        ClaimCost.claimAll(store, ScheduledMembers.MORNING_DUE, options.claimers());
    printPass(several, options.claimers(), dueAtOnce, out);
    Duration completing = ClaimCost.completeAll(store, several.claimed(), options.claimers());
    out.printf(
        "  complete, %d threads: %,.0f per second%n",
        options.claimers(), several.claimed().size() / (completing.toNanos() / 1e9));
  }

  private static void printTicks(
      RedisStore store, RedisInfo info, CheckinLoadOptions options, PrintStream out)
      throws InterruptedException {
    for (int r = 0; r < options.rounds(); r++) {
      ClaimCost.Tick tick = ClaimCost.idleTicks(store, info, ScheduledMembers.NOW, options.ticks());
      out.printf(
          "  %,d ticks: Redis CPU %.1f us per tick (idle server's own %.1f us subtracted),"
              + " EVALSHA %.1f us, %.1f commands, wall %.1f us%n",
          options.ticks(),
          tick.cpuMicros(),
          tick.idleCpuMicros(),
          tick.scriptMicros(),
          tick.commands(),
          tick.wallMicros());
    }
  }

  private static void printPass(ClaimCost.Pass pass, int claimers, int expected, PrintStream out) {
    List<DueTimer> claimed = pass.claimed();
    if (claimed.size() != expected || new HashSet<>(claimed).size() != expected) {
      throw new IllegalStateException(
          "expected " + expected + " distinct timers claimed but got " + claimed.size());
    }
    out.printf(
        "  %d claimer%s: %,d claimed in %,d calls, %.2f s: %,.0f claims per second%n",
        claimers,
        claimers == 1 ? "" : "s at once",
        claimed.size(),
        pass.calls(),
        pass.took().toNanos() / 1e9,
        pass.claimsPerSecond());
  }
}
