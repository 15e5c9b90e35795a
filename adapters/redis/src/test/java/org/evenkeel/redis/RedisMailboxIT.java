package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.ConversationStarted;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.memory.MailboxContract;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.Mailbox.NoWork;
import org.evenkeel.core.port.Mailbox.Work;
import org.evenkeel.core.port.MemberStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis mailbox against the contract the in-memory one passes, plus what only Redis shows: the
 * keys and their TTLs, the shared event claim, one round trip per operation. Leases expire in
 * Redis's time, so {@link #expireLeases} expires the lease keys in Redis instead of advancing the
 * clock.
 */
@ExtendWith(RedisServerExtension.class)
class RedisMailboxIT extends MailboxContract {

  private static final long SLACK_MILLIS = 5_000;

  private final TestRedis server;
  private final UnifiedJedis redis;

  RedisMailboxIT(TestRedis server) {
    this.server = server;
    this.redis = server.client();
  }

  @Override
  protected MemberStore newStore() {
    return new RedisStore(redis);
  }

  @Override
  protected Mailbox newMailbox(MemberStore store) {
    return new RedisMailbox(redis);
  }

  /** An expiry time in the past: Redis deletes the lease at once, as when its TTL runs out. */
  @Override
  protected void expireLeases() {
    for (String key : server.allKeys()) {
      if (key.contains(":lease:")) {
        assertThat(redis.pexpireAt(key, 1)).isEqualTo(1);
      }
    }
  }

  private Work taken(InboundEvent event) {
    return (Work) mailbox.append(event, TTL);
  }

  @Test
  void append_keepsTheEventCompactly_inTheMembersSlot_andMarksTheConversationWaiting() {
    taken(new TextMessage("a1", alice, "hello"));

    assertThat(redis.lrange("ek:{p37}:m:test:alice:mail:alice", 0, -1))
        .containsExactly("{\"t\":\"x\",\"i\":\"a1\",\"x\":\"hello\"}");
    assertThat(redis.zrange("ek:{p37}:mail", 0, -1)).containsExactly("test:alice:alice");
    assertThat(redis.ttl("ek:{p37}:m:test:alice:mail:alice"))
        .as("mail waits until handled")
        .isEqualTo(-1);
  }

  @Test
  void append_claimsTheEventIdInTheMembersPartition_forTheProcessedEventTtl() {
    assertThat(mailbox.append(new TextMessage("a1", alice, "hello"), TTL)).isInstanceOf(Work.class);
    assertThat(mailbox.append(new TextMessage("a1", alice, "hello"), TTL))
        .isEqualTo(NoWork.DUPLICATE);

    String claim = RedisKeys.withDefaultPrefix().eventClaim(alice.member(), "a1");
    assertThat(claim).startsWith("ek:{p37}:claim:").doesNotContain("a1");
    long expected = RedisStoreSettings.DEFAULT_PROCESSED_EVENT_TTL.toMillis();
    assertThat(redis.pttl(claim)).isBetween(expected - SLACK_MILLIS, expected);
    assertThat(redis.llen("ek:{p37}:m:test:alice:mail:alice")).isEqualTo(1);
  }

  @Test
  void lease_isAKeyWithTheHoldersToken_andEveryNextExtendsIt() {
    Work work = taken(new TextMessage("a1", alice, "hello"));
    mailbox.append(new TextMessage("a2", alice, "again"), TTL);
    String key = "ek:{p37}:m:test:alice:lease:alice";

    assertThat(redis.get(key)).isEqualTo(work.lease().token());
    assertThat(redis.pttl(key)).isBetween(TTL.toMillis() - SLACK_MILLIS, TTL.toMillis());
    redis.pexpire(key, 2_000);

    assertThat(mailbox.next(work.lease(), "a1")).isInstanceOf(Work.class);
    assertThat(redis.pttl(key)).isBetween(TTL.toMillis() - SLACK_MILLIS, TTL.toMillis());
  }

  @Test
  void theLastNext_leavesOnlyTheClaimBehind() {
    Work work = taken(new TextMessage("a1", alice, "hello"));

    assertThat(mailbox.next(work.lease(), "a1")).isEqualTo(NoWork.RELEASED);

    assertThat(redis.zcard("ek:{p37}:mail")).as("no longer waiting").isZero();
    assertThat(server.allKeys())
        .containsExactly(RedisKeys.withDefaultPrefix().eventClaim(alice.member(), "a1"));
  }

  @Test
  void next_withMailLeft_movesTheConversationBehindTheOnesWaitingLonger() {
    ConversationAddress bob = ConversationAddress.direct("test", "bob18"); // alice's partition
    Work work = taken(new TextMessage("a1", alice, "one"));
    mailbox.append(new TextMessage("a2", alice, "two"), TTL);
    taken(new TextMessage("b1", bob, "one"));
    redis.zadd("ek:{p37}:mail", 1, alice.key()); // alice has been waiting longest,
    redis.zadd("ek:{p37}:mail", 2, bob.key()); // and bob nearly as long

    mailbox.next(work.lease(), "a1");

    assertThat(redis.zrange("ek:{p37}:mail", 0, -1)).containsExactly(bob.key(), alice.key());
    assertThat(redis.zscore("ek:{p37}:mail", alice.key())).isGreaterThan(1_700_000_000_000d);
  }

  @Test
  void everyKindOfEvent_comesOutOfTheMailboxEqual() {
    List<InboundEvent> events =
        List.of(
            new TextMessage("e1", alice, "ünïcode ✓, \"quotes\" and\nlines"),
            new CommandInvoked("e2", alice, "checkin", "later please"),
            new CommandInvoked("e3", alice, "help", ""),
            new ButtonPressed("e4", alice, "p:7:yes"),
            new ConversationStarted("e5", alice),
            TimerFired.of(alice, "pace", Instant.parse("2026-03-02T09:00:00.123456789Z")),
            new UnsupportedMessage("e7", alice, "sticker"));
    Work work = taken(events.get(0));
    events.subList(1, events.size()).forEach(e -> mailbox.append(e, TTL));

    List<InboundEvent> out = new ArrayList<>();
    Mailbox.Next next = work;
    while (next instanceof Work w) {
      out.add(w.event());
      next = mailbox.next(w.lease(), w.event().id());
    }
    assertThat(out).isEqualTo(events);
    assertThat(next).isEqualTo(NoWork.RELEASED);
  }

  @Test
  void holderWhoseLeaseWasTaken_cannotTouchTheNewHoldersLeaseOrMail() {
    Work crashed = taken(new TextMessage("a1", alice, "hello"));
    expireLeases();
    Work rescuer = mailbox.acquire(alice.key(), TTL).orElseThrow();

    assertThat(mailbox.next(crashed.lease(), "a1")).isEqualTo(NoWork.LEASE_LOST);

    assertThat(redis.get("ek:{p37}:m:test:alice:lease:alice")).isEqualTo(rescuer.lease().token());
    assertThat(redis.llen("ek:{p37}:m:test:alice:mail:alice")).isEqualTo(1);
  }

  @Test
  void orphaned_dropsAWaitingEntryWhoseMailboxIsGone() {
    taken(new TextMessage("a1", alice, "hello"));
    redis.del("ek:{p37}:m:test:alice:mail:alice"); // as if evicted, against the advice in redis.md
    redis.del("ek:{p37}:m:test:alice:lease:alice");

    assertThat(mailbox.orphaned(10)).isEmpty();
    assertThat(redis.zcard("ek:{p37}:mail")).isZero();
  }

  @Test
  void orphaned_findsAStrandedConversation_behindMoreThanTheSearchLimitOfBusyOnes() {
    // Named to sort after the busy ones among those appended in the same millisecond.
    ConversationAddress zoe = ConversationAddress.direct("test", "zoe");
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    int busy = RedisMailbox.ORPHAN_SEARCH_LIMIT + 100;
    List<Work> holders = new ArrayList<>();
    for (int i = 0; holders.size() < busy; i++) {
      ConversationAddress member = ConversationAddress.direct("test", "busy" + i);
      if (keys.partition(member.member()) != keys.partition(zoe.member())) {
        continue; // the search limit is per request, so the busy ones share zoe's partition
      }
      holders.add(taken(new TextMessage("b" + i + "-1", member, "one")));
      mailbox.append(new TextMessage("b" + i + "-2", member, "two"), TTL);
    }
    taken(new TextMessage("z1", zoe, "stranded"));
    redis.del("ek:{p29}:m:test:zoe:lease:zoe"); // its holder died; the lease ran out
    assertThat(mailbox.orphaned(1))
        .as("behind more live conversations than one search looks at")
        .isEmpty();

    // Live holders make progress: each next sends their conversation to the back.
    for (Work holder : holders) {
      mailbox.next(holder.lease(), holder.event().id());
    }

    assertThat(mailbox.orphaned(1)).containsExactly(zoe.key());
  }

  @Test
  void conversationKey_thatNamesNoConversation_isRefused() {
    assertThatThrownBy(() -> mailbox.acquire("test:alice", TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test:alice");
  }

  @Test
  void everyOperation_isOneRoundTrip_andHandsOutTheSnapshotWithTheEvent() {
    // Warm up: the first run of each script sends it in full (NOSCRIPT, then EVAL).
    Work warm = taken(new TextMessage("w1", alice, "warm"));
    mailbox.append(new TextMessage("w2", alice, "warm"), TTL);
    mailbox.next(mailbox.next(warm.lease(), "w1") instanceof Work w ? w.lease() : null, "w2");
    mailbox.acquire(alice.key(), TTL);
    mailbox.orphaned(10);

    Work[] work = new Work[1];
    assertThat(roundTrips(() -> work[0] = taken(new TextMessage("a1", alice, "hello")))).isOne();
    assertThat(roundTrips(() -> mailbox.append(new TextMessage("a2", alice, "hi"), TTL))).isOne();
    assertThat(roundTrips(() -> mailbox.next(work[0].lease(), "a1"))).isOne();
    assertThat(roundTrips(() -> mailbox.next(work[0].lease(), "a2"))).isOne();
    assertThat(roundTrips(() -> mailbox.acquire(alice.key(), TTL))).isOne();
    assertThat(roundTrips(() -> mailbox.orphaned(10))).isOne();
  }

  private long roundTrips(Runnable operation) {
    long before = server.readsProcessed();
    operation.run();
    // The second INFO is itself one read.
    return server.readsProcessed() - before - 1;
  }
}
