package org.evenkeel.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.CheckinCrowd;
import org.evenkeel.core.testing.CheckinLog;
import org.evenkeel.core.testing.CheckinLog.Sent;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.RacingPumps;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Daily check-ins of 10,000 members, all due in the same minute, handled by three instances that
 * share one in-memory store, due-queue and mailbox, as bot processes share Redis (ARCHITECTURE.md,
 * Scheduling): each member is asked exactly once a day, in the proactive lane, however the
 * instances' timer pumps race; after three days of downtime each member gets one late check-in, not
 * a backlog. The members set their zone and time up with real {@code /settings} turns ({@link
 * CheckinCrowd}); the clock is fake.
 *
 * <p>The pace of the proactive lane is not the core's: it has only the {@code RateLimits} port,
 * which the platform adapters take from. It is measured where it is kept, in the Telegram adapter's
 * {@code CheckinBurstPacingTest}.
 */
class CheckinsAcrossInstancesTest {

  private static final int MEMBERS = 10_000;
  private static final Duration VISIBILITY = Duration.ofSeconds(30);
  private static final String TIMER = "checkin.daily";

  private final MutableClock clock = new MutableClock(CheckinCrowd.SETUP);
  private final InMemoryStore store = new InMemoryStore();
  private final Mailbox mailbox = new InMemoryMailbox(clock, store);
  private final CheckinLog sent = new CheckinLog(clock);
  private final CheckinCrowd crowd = new CheckinCrowd(MEMBERS);
  private final String question = CheckinCrowd.checkinQuestion();
  private final List<ExecutorService> pools = new ArrayList<>();
  private List<TurnDispatcher> instances;

  @BeforeEach
  void startInstancesAndSetUpTheCrowd() {
    instances = List.of(instance(), instance(), instance());
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
    instances.forEach(TurnDispatcher::close);
    pools.forEach(ExecutorService::shutdownNow);
  }

  private TurnDispatcher instance() {
    Content content = TestContent.load();
    Engine engine =
        new Engine(
            new ContentSource(content),
            new PatternSafetyScreen(content.safety()),
            new ExampleIntentClassifier(
                content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            EngineSettings.DEFAULTS);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pools.add(pool);
    return new TurnDispatcher(engine, store, mailbox, sent, clock, pool);
  }

  private RacingPumps pumps(Duration visibility) {
    return new RacingPumps(store, mailbox, instances, clock, visibility);
  }

  @Test
  void theSettingsTurns_leaveEveryMemberOneCheckinTimer_dueInTheSameMinute() {
    for (int i = 0; i < MEMBERS; i++) {
      assertThat(crowd.checkinTimers(store, i))
          .as("member %d", i)
          .singleElement()
          .satisfies(t -> assertThat(t.pacing()).isFalse())
          .extracting(DueTimer::dueAt)
          .isEqualTo(crowd.slotOf(i));
    }
    assertThat(crowd.slotOf(0)).isBetween(CheckinCrowd.SLOT, CheckinCrowd.SLOT_END);
  }

  @Test
  void tenThousandCheckinsDueInOneMinute_areEachAskedOnce_inTheProactiveLane() {
    RacingPumps pumps = pumps(VISIBILITY);
    clock.set(CheckinCrowd.SLOT_END);

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

    pumps.drain(); // the pumps keep ticking in the same minute
    assertThat(sent.drain()).isEmpty();
  }

  @Test
  void claimsThatOutliveTheirVisibility_handTimersToSeveralInstances_yetEachMemberIsAskedOnce() {
    // A zero visibility timeout: a timer claimed by one instance and not yet done is handed to the
    // next instance that claims, as when turns take longer than the timeout.
    RacingPumps pumps = pumps(Duration.ZERO);
    clock.set(CheckinCrowd.SLOT_END);

    pumps.drain();

    List<Sent> burst = sent.drain();
    assertThat(pumps.handedOut())
        .as("the same timers were handed out again")
        .isGreaterThan(MEMBERS);
    crowd.assertEachAskedOnce(burst, question);
    assertThat(CheckinLog.perLane(burst)).containsOnlyKeys(Lane.PROACTIVE);
    assertThat(store.claimDue(clock.instant(), 1, VISIBILITY)).as("nothing left due").isEmpty();
  }

  @Test
  void afterThreeDaysOfDowntime_eachMemberGetsOneLateCheckin_thenTheUsualOneNextDay() {
    RacingPumps pumps = pumps(VISIBILITY);
    // Down from Monday 08:00 to Thursday 09:30 UTC: four check-in slots passed, Thursday's 30
    // minutes ago, within the grace for a late one.
    Instant back = CheckinCrowd.SLOT.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30));
    clock.set(back);

    pumps.drain();

    List<Sent> late = sent.drain();
    crowd.assertEachAskedOnce(late, question);
    assertThat(late).allSatisfy(s -> assertThat(s.at()).isEqualTo(back));
    assertThat(CheckinLog.perLane(late)).containsOnlyKeys(Lane.PROACTIVE);
    crowd.assertLastCheckinOfEveryMember(store, LocalDate.parse("2026-03-05"));

    clock.set(CheckinCrowd.SLOT_END.plus(Duration.ofDays(4))); // Friday 09:01 UTC
    pumps.drain();

    List<Sent> friday = sent.drain();
    crowd.assertEachAskedOnce(friday, question);
    assertThat(CheckinLog.perLane(friday)).containsOnlyKeys(Lane.PROACTIVE);
    crowd.assertLastCheckinOfEveryMember(store, LocalDate.parse("2026-03-06"));
  }
}
