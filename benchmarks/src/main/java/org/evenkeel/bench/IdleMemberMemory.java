package org.evenkeel.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.redis.RedisKeys;
import org.evenkeel.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis memory per idle member: a profile (locale, country, zone, check-in time, consent) and a
 * daily check-in timer, which is the member's {@code timers} hash plus one due-queue entry. Each is
 * written by a real commit; the keys Redis expires for an idle member (session, its index, the
 * processed-event ids) are then deleted, as their TTLs would. Milestone counters do not exist yet.
 */
final class IdleMemberMemory {

  /**
   * A private counter, as a member who set one with /milestone has: 90 days of runs behind them.
   */
  private static final MilestoneCounter SOBER_SINCE =
      new MilestoneCounter(
          MilestoneCounter.PRIVATE, "alcohol", Instant.parse("2026-01-15T07:00:00Z"), true, 62, 90);

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final long FIRST_USER_ID = 700_000_000L; // Telegram-sized numeric ids

  /** What the fill showed. */
  record Result(
      int members, long usedBefore, long usedAfter, long keys, Map<String, Long> sampleKeys) {
    double bytesPerMember() {
      return (usedAfter - usedBefore) / (double) members;
    }
  }

  private IdleMemberMemory() {}

  /** Flushes the database, adds {@code members} idle members in parallel and measures. */
  static Result measure(BenchRedis redis, RedisKeys keys, int members, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    UnifiedJedis client = redis.client();
    RedisStore store = new RedisStore(client);
    redis.flush();
    long before = redis.stat("memory", "used_memory");
    int threads = 8;
    List<Future<?>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      parts.add(
          pool.submit(
              () -> {
                for (int i = first; i < members; i += threads) {
                  addIdleMember(store, client, keys, address(i));
                }
              }));
    }
    for (Future<?> part : parts) {
      part.get();
    }
    long after = redis.stat("memory", "used_memory");
    MemberId sample = address(0).member();
    Map<String, Long> usage = new LinkedHashMap<>();
    usage.put(keys.profile(sample), client.memoryUsage(keys.profile(sample), 0));
    usage.put(keys.records(sample), client.memoryUsage(keys.records(sample), 0));
    usage.put(keys.due(sample), client.memoryUsage(keys.due(sample), 0));
    return new Result(members, before, after, client.dbSize(), usage);
  }

  static ConversationAddress address(int i) {
    return ConversationAddress.direct("telegram", Long.toString(FIRST_USER_ID + i));
  }

  private static void addIdleMember(
      RedisStore store, UnifiedJedis client, RedisKeys keys, ConversationAddress address) {
    MemberId member = address.member();
    Profile profile =
        Profile.newMember(member, T0)
            .withLocale("en")
            .withCountry("GB")
            .withZone(ZoneId.of("Europe/London"))
            .withCheckinTime(Optional.of(LocalTime.of(9, 0)))
            .withConsent(true);
    StartTimer checkin = new StartTimer("checkin", T0.plus(Duration.ofDays(1)), false);
    store.commit(
        new TurnCommit(
            "telegram:" + address.userId(),
            Session.fresh(address),
            profile,
            List.of(),
            List.of(checkin),
            List.of(),
            List.of(new SaveCounter(SOBER_SINCE))));
    client.del(keys.session(address), keys.sessions(member), keys.processed(member));
  }
}
