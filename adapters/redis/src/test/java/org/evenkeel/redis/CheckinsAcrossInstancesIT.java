package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.testing.CheckinCrowd;
import org.evenkeel.core.testing.CheckinLog;
import org.evenkeel.core.testing.CheckinLog.Sent;
import org.evenkeel.core.testing.RacingPumps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * Daily check-ins of 10,000 members, all due in the same minute, handled by three bot instances
 * sharing one Redis (ARCHITECTURE.md, Scheduling and Scaling out): each member is asked exactly
 * once a day, in the proactive lane, while the instances' timer pumps race on the partitioned
 * due-queue ({@code claim_due.lua}); after three days of downtime each member gets one late
 * check-in, then the usual one. The members set their zone and time with real {@code /settings}
 * turns ({@link CheckinCrowd}); the instances' clock is fake. The same scenarios on the in-memory
 * store are bot-core's {@code CheckinsAcrossInstancesTest}.
 */
@ExtendWith(RedisServerExtension.class)
class CheckinsAcrossInstancesIT {

  private static final int MEMBERS = 10_000;
  private static final Duration VISIBILITY = Duration.ofSeconds(30);
  private static final String TIMER = "checkin.daily";

  private final UnifiedJedis redis;
  private final RedisStore store;
  private final RedisMailbox mailbox;
  private final BotInstances bots = new BotInstances();
  private final CheckinLog sent = new CheckinLog(bots.clock);
  private final CheckinCrowd crowd = new CheckinCrowd(MEMBERS);
  private final String question = CheckinCrowd.checkinQuestion();
  private List<TurnDispatcher> instances;

  CheckinsAcrossInstancesIT(TestRedis server) {
    // Three instances of two threads each, their three pumps and the test's thread share this.
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(16);
    this.redis = RedisConnections.open(RedisUrl.parse(server.url()), pool);
    this.store = new RedisStore(redis);
    this.mailbox = new RedisMailbox(redis);
  }

  @BeforeEach
  void startInstancesAndSetUpTheCrowd() {
    bots.clock.set(CheckinCrowd.SETUP);
    instances =
        List.of(
            bots.start(store, mailbox, sent),
            bots.start(store, mailbox, sent),
            bots.start(store, mailbox, sent));
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      List<InboundEvent> setup = crowd.setupEvents(i);
      for (int n = 0; n < setup.size(); n++) {
        turns.add(instances.get((i + n) % instances.size()).submit(setup.get(n)));
      }
    }
    CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).join();
    sent.drain(); // the answers to /settings
  }

  @AfterEach
  void stop() {
    bots.close();
    redis.close();
  }

  private RacingPumps pumps(Duration visibility) {
    return new RacingPumps(store, mailbox, instances, bots.clock, visibility);
  }

  @Test
  void tenThousandCheckinsDueInOneMinute_areEachAskedOnce_inTheProactiveLane() {
    for (int i = 0; i < MEMBERS; i++) {
      assertThat(crowd.checkinTimers(store, i))
          .as("member %d", i)
          .singleElement()
          .extracting(DueTimer::dueAt)
          .isEqualTo(crowd.slotOf(i));
    }
    RacingPumps pumps = pumps(VISIBILITY);
    bots.clock.set(CheckinCrowd.SLOT_END);

    pumps.drain();

    List<Sent> burst = sent.drain();
    crowd.assertEachAskedOnce(burst, question);
    assertThat(CheckinLog.perLane(burst)).containsOnlyKeys(Lane.PROACTIVE);
    assertThat(pumps.handedOut()).as("each claim hands a timer to one instance").isEqualTo(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      assertThat(crowd.checkinTimers(store, i))
          .as("member %d's next check-in, on Tuesday", i)
          .singleElement()
          .extracting(DueTimer::dueAt)
          .isEqualTo(crowd.slotOf(i).plus(Duration.ofDays(1)));
    }
    assertThat(queued()).as("one daily entry per member, none claimed").isEqualTo(MEMBERS);
    assertThat(claimed()).isZero();

    pumps.drain(); // the pumps keep ticking in the same minute
    assertThat(sent.drain()).isEmpty();
  }

  @Test
  void claimsThatOutliveTheirVisibility_handTimersToSeveralInstances_yetEachMemberIsAskedOnce() {
    // A zero visibility timeout: a timer claimed by one instance and not yet done is handed to the
    // next instance that claims, as when turns take longer than the timeout.
    RacingPumps pumps = pumps(Duration.ZERO);
    bots.clock.set(CheckinCrowd.SLOT_END);

    pumps.drain();

    List<Sent> burst = sent.drain();
    assertThat(pumps.handedOut())
        .as("the same timers were handed out again")
        .isGreaterThan(MEMBERS);
    crowd.assertEachAskedOnce(burst, question);
    assertThat(CheckinLog.perLane(burst)).containsOnlyKeys(Lane.PROACTIVE);
    assertThat(queued()).as("each member's next check-in is queued once").isEqualTo(MEMBERS);
    assertThat(claimed()).isZero();
  }

  @Test
  void afterThreeDaysOfDowntime_eachMemberGetsOneLateCheckin_thenTheUsualOneNextDay() {
    RacingPumps pumps = pumps(VISIBILITY);
    // Down from Monday 08:00 to Thursday 09:30 UTC: four check-in slots passed, Thursday's 30
    // minutes ago, within the grace for a late one.
    Instant back = CheckinCrowd.SLOT.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30));
    bots.clock.set(back);

    pumps.drain();

    List<Sent> late = sent.drain();
    crowd.assertEachAskedOnce(late, question);
    assertThat(late).allSatisfy(s -> assertThat(s.at()).isEqualTo(back));
    assertThat(CheckinLog.perLane(late)).containsOnlyKeys(Lane.PROACTIVE);
    crowd.assertLastCheckinOfEveryMember(store, LocalDate.parse("2026-03-05"));

    bots.clock.set(CheckinCrowd.SLOT_END.plus(Duration.ofDays(4))); // Friday 09:01 UTC
    pumps.drain();

    List<Sent> friday = sent.drain();
    crowd.assertEachAskedOnce(friday, question);
    assertThat(CheckinLog.perLane(friday)).containsOnlyKeys(Lane.PROACTIVE);
    crowd.assertLastCheckinOfEveryMember(store, LocalDate.parse("2026-03-06"));
  }

  /** Daily check-in entries waiting in every partition's due-queue. */
  private long queued() {
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    long entries = 0;
    for (int p = 0; p < keys.partitions(); p++) {
      // the daily timers; each unanswered check-in also has its one follow-up queued
      entries +=
          redis.zrange(keys.due(p), 0, -1).stream().filter(e -> e.endsWith(":" + TIMER)).count();
    }
    return entries;
  }

  /** Entries claimed and not completed, in every partition. */
  private long claimed() {
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    long entries = 0;
    for (int p = 0; p < keys.partitions(); p++) {
      entries += redis.zcard(keys.dueClaimed(p));
    }
    return entries;
  }
}
