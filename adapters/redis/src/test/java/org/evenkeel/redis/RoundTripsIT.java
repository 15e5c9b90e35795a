package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every store operation is one request to Redis (ARCHITECTURE.md, State: one turn = one round
 * trip). Counted on the server: {@code total_reads_processed} grows by one per request, and {@code
 * INFO commandstats} shows the request was an {@code EVALSHA} of the cached script.
 */
@ExtendWith(RedisServerExtension.class)
class RoundTripsIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final int TURNS = 10;

  private final TestRedis redis;
  private final RedisStore store;
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  private final Profile profile = Profile.newMember(alice.member(), T0);

  RoundTripsIT(TestRedis redis) {
    this.redis = redis;
    this.store = new RedisStore(redis.client());
  }

  @BeforeEach
  void runEveryScriptOnce() {
    // The first run of each script finds it missing (NOSCRIPT) and sends it in full.
    store.load(alice);
    store.commit(turn("warm-up", store.load(alice).session()));
    store.export(alice.member());
    store.complete(store.claimDue(T0.plusSeconds(3600), 10, Duration.ofSeconds(30)).get(0));
    store.forget(alice.member());
  }

  @Test
  void commit_isOneRoundTrip() {
    Session session = store.load(alice).session();
    Map<String, Long> before = redis.commandCalls();

    long trips =
        roundTrips(
            () -> {
              Session next = session;
              for (int i = 0; i < TURNS; i++) {
                assertThat(store.commit(turn("e" + i, next))).isTrue();
                next = next.nextVersion();
              }
            });

    assertThat(trips).isEqualTo(TURNS);
    Map<String, Long> after = redis.commandCalls();
    assertThat(delta(before, after, "evalsha")).isEqualTo(TURNS);
    assertThat(delta(before, after, "eval")).as("the script was already cached").isZero();
  }

  @Test
  void afterTheServerForgetsTheScript_oneCommitSendsItAgain_andTheNextIsOneRoundTrip() {
    Session session = store.load(alice).session();
    redis.client().scriptFlush();

    assertThat(roundTrips(() -> store.commit(turn("e1", session))))
        .as("NOSCRIPT, then EVAL")
        .isEqualTo(2);
    assertThat(roundTrips(() -> store.commit(turn("e2", session.nextVersion())))).isOne();
    assertThat(store.load(alice).session().version()).isEqualTo(2);
  }

  @Test
  void conflictingCommit_isOneRoundTripToo() {
    Session stale = store.load(alice).session();
    store.commit(turn("e1", stale));

    assertThat(roundTrips(() -> assertThat(store.commit(turn("e2", stale))).isFalse())).isOne();
  }

  @Test
  void load_isOneRoundTrip() {
    store.commit(turn("e1", store.load(alice).session()));

    assertThat(roundTrips(() -> store.load(alice))).isOne();
  }

  @Test
  void dueQueueOperations_areOneRoundTripEach() {
    store.commit(turn("e1", store.load(alice).session()));

    List<DueTimer> claimed = store.claimDue(T0.plusSeconds(60), 10, Duration.ofSeconds(30));
    assertThat(roundTrips(() -> store.claimDue(T0, 10, Duration.ofSeconds(30)))).isOne();
    assertThat(roundTrips(() -> store.complete(claimed.get(0)))).isOne();
    assertThat(roundTrips(() -> store.nextPacing(alice))).isOne();
  }

  @Test
  void exportAndForget_areOneRoundTripEach() {
    store.commit(turn("e1", store.load(alice).session()));

    assertThat(roundTrips(() -> store.export(alice.member()))).isOne();
    assertThat(roundTrips(() -> store.forget(alice.member()))).isOne();
  }

  private long roundTrips(Runnable operations) {
    long before = redis.readsProcessed();
    operations.run();
    // The second INFO is itself one read.
    return redis.readsProcessed() - before - 1;
  }

  private TurnCommit turn(String eventId, Session loaded) {
    return new TurnCommit(
        eventId,
        loaded,
        profile,
        List.of(JournalEntry.mood(T0, 4, "steady")),
        List.of(new StartTimer("pace.1", T0.plusSeconds(4), true)));
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
    return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
  }
}
