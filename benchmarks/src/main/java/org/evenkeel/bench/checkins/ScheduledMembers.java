package org.evenkeel.bench.checkins;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.core.schedule.CheckinPlanner;
import org.evenkeel.core.schedule.CheckinSchedule;
import org.evenkeel.core.schedule.SchedulingSettings;
import org.evenkeel.redis.RedisKeys;
import org.evenkeel.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Members written to Redis through {@link RedisStore#commit}, first without a daily check-in, then
 * with one: the turn that sets their zone and time commits the profile and the check-in timer at
 * the slot {@link CheckinPlanner} gives, as the engine's turn does. The first {@code dueAtOnce}
 * members chose 09:00 London time, the others 20:00; all had their last check-in on Sunday, and it
 * is Monday 2 March 2026, 08:00 UTC. After each commit the keys Redis would expire for an idle
 * member (session, its index, processed-event ids) are deleted, as their TTLs would delete them.
 */
final class ScheduledMembers {

  /** When the members are written: Monday 2 March 2026, 08:00 UTC (London is on UTC). */
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  /** When every 09:00 member's check-in is due: after 09:00 plus the five minutes of jitter. */
  static final Instant MORNING_DUE = Instant.parse("2026-03-02T09:06:00Z");

  /** The engine's timer name ({@code DailyCheckins.TIMER}, package-private there). */
  static final String TIMER = "checkin.daily";

  private static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final LocalTime MORNING = LocalTime.of(9, 0);
  private static final LocalTime EVENING = LocalTime.of(20, 0);
  private static final LocalDate LAST_CHECKIN = LocalDate.parse("2026-03-01");
  private static final long FIRST_USER_ID = 700_000_000L; // Telegram-sized numeric ids

  private final RedisStore store;
  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final int dueAtOnce;
  private final CheckinPlanner planner = new CheckinPlanner(SchedulingSettings.DEFAULTS);

  ScheduledMembers(RedisStore store, UnifiedJedis redis, RedisKeys keys, int dueAtOnce) {
    this.store = store;
    this.redis = redis;
    this.keys = keys;
    this.dueAtOnce = dueAtOnce;
  }

  static ConversationAddress address(int i) {
    return ConversationAddress.direct("telegram", Long.toString(FIRST_USER_ID + i));
  }

  /** Member {@code i} as onboarded without check-ins: locale, country, consent. */
  void join(int i) {
    commit(i, "join", unscheduled(i), List.of());
  }

  /** Member {@code i} sets zone and check-in time: the profile and the timer, in one commit. */
  void schedule(int i) {
    schedule(i, "schedule");
  }

  /**
   * Member {@code i}'s turn sets the same timer again, as a check-in's turn sets the next one: the
   * commit replaces the timer and lifts any claim on it. {@code turn} names the turn's event.
   */
  void schedule(int i, String turn) {
    Profile profile =
        unscheduled(i)
            .withZone(ZONE)
            .withCheckinTime(Optional.of(i < dueAtOnce ? MORNING : EVENING))
            .withLastCheckin(LAST_CHECKIN);
    commit(i, turn, profile, List.of(new StartTimer(TIMER, nextDue(profile), false)));
  }

  private Profile unscheduled(int i) {
    return Profile.newMember(address(i).member(), NOW.minusSeconds(86_400L * 30))
        .withLocale("en")
        .withCountry("GB")
        .withConsent(true);
  }

  private Instant nextDue(Profile profile) {
    CheckinSchedule schedule =
        CheckinSchedule.daily(profile.zone().orElseThrow(), profile.checkinTime().orElseThrow())
            .sentOn(profile.lastCheckin().orElseThrow());
    String key = profile.member().platform() + ":" + profile.member().userId();
    return planner.nextDue(schedule, key, NOW).orElseThrow();
  }

  private void commit(int i, String what, Profile profile, List<Effect> timers) {
    ConversationAddress address = address(i);
    boolean done =
        store.commit(
            new TurnCommit(
                "bench:" + i + ":" + what, Session.fresh(address), profile, List.of(), timers));
    if (!done) {
      throw new IllegalStateException("commit refused for member " + i);
    }
    MemberId member = address.member();
    redis.del(keys.session(address), keys.sessions(member), keys.processed(member));
  }

  /** Runs {@code each} for 0 .. {@code count - 1} on {@code threads} threads. */
  static void inParallel(int count, int threads, IntConsumer each)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int i = first; i < count; i += threads) {
                    each.accept(i);
                  }
                }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
