package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several threads (standing in for several bot instances) on one Redis. */
@ExtendWith(RedisServerExtension.class)
class ConcurrentCommitsIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final RedisStore store;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  ConcurrentCommitsIT(TestRedis redis) {
    this.store = new RedisStore(redis.client());
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void twoCommitsOfTheSameVersion_exactlyOneWins_everyTime() throws Exception {
    int rounds = 50;
    for (int round = 0; round < rounds; round++) {
      Session loaded = store.load(alice).session();
      CountDownLatch start = new CountDownLatch(1);
      String id = Integer.toString(round);
      Future<Boolean> first = pool.submit(() -> commitAfter(start, "a" + id, loaded));
      Future<Boolean> second = pool.submit(() -> commitAfter(start, "b" + id, loaded));
      start.countDown();

      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
    }
    assertThat(store.load(alice).session().version()).isEqualTo(rounds);
    assertThat(store.export(alice.member()).journal()).hasSize(rounds);
  }

  @Test
  void threadsRetryingOnConflict_loseNoTurn() throws Exception {
    int threads = 4;
    int turnsEach = 25;
    List<Callable<Integer>> workers = new ArrayList<>();
    // Every worker's first turn loads the same version, then all commit at once: they collide
    // however the threads happen to be scheduled.
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
    for (int t = 0; t < threads; t++) {
      String worker = "w" + t;
      workers.add(() -> runTurns(worker, turnsEach, together));
    }
    int conflicts = 0;
    for (Future<Integer> done : pool.invokeAll(workers)) {
      conflicts += done.get();
    }

    assertThat(store.load(alice).session().version()).isEqualTo(threads * turnsEach);
    List<JournalEntry> journal = store.export(alice.member()).journal();
    assertThat(journal).hasSize(threads * turnsEach);
    assertThat(journal.stream().map(JournalEntry::text).distinct()).hasSize(threads * turnsEach);
    assertThat(conflicts).as("the threads did collide").isPositive();
  }

  @Test
  void concurrentClaimers_getEveryDueTimerExactlyOnce() throws Exception {
    int members = 20;
    int timersEach = 10;
    for (int m = 0; m < members; m++) {
      ConversationAddress member = ConversationAddress.direct("test", "m" + m);
      List<Effect> timers = new ArrayList<>();
      for (int t = 0; t < timersEach; t++) {
        timers.add(new StartTimer("t" + t, T0.plusMillis(t), false));
      }
      store.commit(
          new TurnCommit(
              "e" + m,
              Session.fresh(member),
              Profile.newMember(member.member(), T0),
              List.of(),
              timers));
    }
    List<Callable<List<DueTimer>>> claimers = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      claimers.add(this::claimUntilEmpty);
    }

    List<DueTimer> all = new ArrayList<>();
    for (Future<List<DueTimer>> claimed : pool.invokeAll(claimers)) {
      all.addAll(claimed.get());
    }

    assertThat(all).hasSize(members * timersEach);
    assertThat(new HashSet<>(all)).hasSize(members * timersEach);
  }

  private boolean commitAfter(CountDownLatch start, String eventId, Session loaded)
      throws InterruptedException {
    start.await();
    return store.commit(
        new TurnCommit(
            eventId,
            loaded,
            Profile.newMember(alice.member(), T0),
            List.of(JournalEntry.note(T0, eventId)),
            List.of()));
  }

  /** Commits {@code turns} turns, reloading after each conflict; returns how many conflicts. */
  private int runTurns(String worker, int turns, java.util.concurrent.CyclicBarrier together)
      throws Exception {
    int conflicts = 0;
    for (int turn = 0; turn < turns; turn++) {
      String eventId = worker + "-" + turn;
      Session loaded = store.load(alice).session();
      if (turn == 0) {
        together.await();
      }
      while (!store.commit(
          new TurnCommit(
              eventId,
              loaded,
              Profile.newMember(alice.member(), T0),
              List.of(JournalEntry.note(T0, eventId)),
              List.of()))) {
        conflicts++;
        loaded = store.load(alice).session();
      }
    }
    return conflicts;
  }

  private List<DueTimer> claimUntilEmpty() {
    List<DueTimer> all = new ArrayList<>();
    List<DueTimer> claimed;
    do {
      claimed = store.claimDue(T0.plusSeconds(1), 7, Duration.ofMinutes(5));
      all.addAll(claimed);
    } while (!claimed.isEmpty());
    return all;
  }
}
