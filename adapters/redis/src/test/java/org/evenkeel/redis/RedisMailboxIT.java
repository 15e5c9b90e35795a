package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
import org.evenkeel.core.port.Mailbox.Lease;
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
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  RedisMailboxIT(TestRedis server) {
    this.server = server;
    this.redis = server.client();
  }

  @Override
  protected Mailbox newMailbox() {
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

  @Test
  void append_keepsTheEventCompactly_inTheMembersSlot_andMarksTheConversationWaiting() {
    mailbox.append(new TextMessage("a1", alice, "hello"));

    assertThat(redis.lrange("ek:{m:test:alice}:mail:alice", 0, -1))
        .containsExactly("{\"t\":\"x\",\"i\":\"a1\",\"x\":\"hello\"}");
    assertThat(redis.zrange("ek:{mail}", 0, -1)).containsExactly("test:alice:alice");
    assertThat(redis.ttl("ek:{m:test:alice}:mail:alice"))
        .as("mail waits until handled")
        .isEqualTo(-1);
  }

  @Test
  void append_claimsTheEventIdWhereRedisEventClaimsDoes_forTheProcessedEventTtl() {
    RedisEventClaims claims = new RedisEventClaims(redis);
    claims.claim("claimed-elsewhere", Duration.ofHours(1));

    assertThat(mailbox.append(new TextMessage("a1", alice, "hello"))).isTrue();
    assertThat(mailbox.append(new TextMessage("claimed-elsewhere", alice, "hi"))).isFalse();

    assertThat(claims.claim("a1", Duration.ofHours(1))).as("claimed by the append").isFalse();
    long ttl = redis.pttl(RedisKeys.withDefaultPrefix().eventClaim("a1"));
    long expected = RedisStoreSettings.DEFAULT_PROCESSED_EVENT_TTL.toMillis();
    assertThat(ttl).isBetween(expected - SLACK_MILLIS, expected);
    assertThat(redis.llen("ek:{m:test:alice}:mail:alice")).isEqualTo(1);
  }

  @Test
  void lease_isAKeyWithTheHoldersToken_andEveryPopExtendsIt() {
    mailbox.append(new TextMessage("a1", alice, "hello"));
    mailbox.append(new TextMessage("a2", alice, "again"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();
    String key = "ek:{m:test:alice}:lease:alice";

    assertThat(redis.get(key)).isEqualTo(lease.token());
    assertThat(redis.pttl(key)).isBetween(TTL.toMillis() - SLACK_MILLIS, TTL.toMillis());
    redis.pexpire(key, 2_000);

    assertThat(mailbox.pop(lease, "a1")).isTrue();
    assertThat(redis.pttl(key)).isBetween(TTL.toMillis() - SLACK_MILLIS, TTL.toMillis());
  }

  @Test
  void lastPop_andRelease_leaveOnlyTheClaimBehind() {
    mailbox.append(new TextMessage("a1", alice, "hello"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();

    mailbox.pop(lease, "a1");
    assertThat(redis.zcard("ek:{mail}")).as("no longer waiting").isZero();
    assertThat(mailbox.releaseIfEmpty(lease)).isTrue();

    assertThat(server.allKeys()).containsExactly(RedisKeys.withDefaultPrefix().eventClaim("a1"));
  }

  @Test
  void pop_withMailLeft_movesTheConversationBehindTheOnesWaitingLonger() {
    ConversationAddress bob = ConversationAddress.direct("test", "bob");
    mailbox.append(new TextMessage("a1", alice, "one"));
    mailbox.append(new TextMessage("a2", alice, "two"));
    mailbox.append(new TextMessage("b1", bob, "one"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();
    redis.zadd("ek:{mail}", 1, alice.key()); // alice has been waiting longest,
    redis.zadd("ek:{mail}", 2, bob.key()); // and bob nearly as long

    mailbox.pop(lease, "a1");

    assertThat(redis.zrange("ek:{mail}", 0, -1)).containsExactly(bob.key(), alice.key());
    assertThat(redis.zscore("ek:{mail}", alice.key())).isGreaterThan(1_700_000_000_000d);
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
    events.forEach(mailbox::append);
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();

    for (InboundEvent expected : events) {
      InboundEvent head = mailbox.head(lease).orElseThrow();
      assertThat(head).isEqualTo(expected);
      assertThat(mailbox.pop(lease, head.id())).isTrue();
    }
    assertThat(mailbox.head(lease)).isEmpty();
  }

  @Test
  void holderWhoseLeaseWasTaken_cannotReleaseTheNewHoldersLease() {
    mailbox.append(new TextMessage("a1", alice, "hello"));
    Lease crashed = mailbox.acquire(alice.key(), TTL).orElseThrow();
    expireLeases();
    Lease rescuer = mailbox.acquire(alice.key(), TTL).orElseThrow();

    // True: the old holder has nothing left to do (looping on false would never end).
    assertThat(mailbox.releaseIfEmpty(crashed)).isTrue();

    assertThat(redis.get("ek:{m:test:alice}:lease:alice")).isEqualTo(rescuer.token());
    assertThat(mailbox.head(rescuer)).map(InboundEvent::id).contains("a1");
  }

  @Test
  void orphaned_dropsAWaitingEntryWhoseMailboxIsGone() {
    mailbox.append(new TextMessage("a1", alice, "hello"));
    redis.del("ek:{m:test:alice}:mail:alice"); // as if evicted, against the advice in redis.md

    assertThat(mailbox.orphaned(10)).isEmpty();
    assertThat(redis.zcard("ek:{mail}")).isZero();
  }

  @Test
  void orphaned_findsAStrandedConversation_behindMoreThanTheSearchLimitOfBusyOnes() {
    int busy = RedisMailbox.ORPHAN_SEARCH_LIMIT + 100;
    List<Lease> leases = new ArrayList<>();
    for (int i = 0; i < busy; i++) {
      ConversationAddress member = ConversationAddress.direct("test", "busy" + i);
      mailbox.append(new TextMessage("b" + i + "-1", member, "one"));
      mailbox.append(new TextMessage("b" + i + "-2", member, "two"));
      leases.add(mailbox.acquire(member.key(), TTL).orElseThrow());
    }
    // Named to sort after the busy ones among those appended in the same millisecond.
    ConversationAddress zoe = ConversationAddress.direct("test", "zoe");
    mailbox.append(new TextMessage("z1", zoe, "stranded"));
    mailbox.acquire(zoe.key(), TTL).orElseThrow();
    redis.del("ek:{m:test:zoe}:lease:zoe"); // its holder died; the lease ran out
    assertThat(mailbox.orphaned(1))
        .as("behind more live conversations than one search looks at")
        .isEmpty();

    // Live holders make progress: each pop sends their conversation to the back.
    for (int i = 0; i < busy; i++) {
      mailbox.pop(leases.get(i), "b" + i + "-1");
    }

    assertThat(mailbox.orphaned(1)).containsExactly(zoe.key());
  }

  @Test
  void conversationKey_thatNamesNoConversation_isRefused() {
    assertThatThrownBy(() -> mailbox.acquire("test:alice", TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test:alice");
    assertThatThrownBy(() -> mailbox.acquire(alice.key(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }

  @Test
  void everyOperation_isOneRoundTrip() {
    // Warm up: the first run of each script sends it in full (NOSCRIPT, then EVAL).
    mailbox.append(new TextMessage("w1", alice, "warm"));
    Lease warm = mailbox.acquire(alice.key(), TTL).orElseThrow();
    mailbox.head(warm);
    mailbox.pop(warm, "w1");
    mailbox.releaseIfEmpty(warm);
    mailbox.orphaned(10);

    assertThat(roundTrips(() -> mailbox.append(new TextMessage("a1", alice, "hello")))).isOne();
    Lease[] lease = new Lease[1];
    assertThat(roundTrips(() -> lease[0] = mailbox.acquire(alice.key(), TTL).orElseThrow()))
        .isOne();
    assertThat(roundTrips(() -> mailbox.head(lease[0]))).isOne();
    assertThat(roundTrips(() -> mailbox.pop(lease[0], "a1"))).isOne();
    assertThat(roundTrips(() -> mailbox.releaseIfEmpty(lease[0]))).isOne();
    assertThat(roundTrips(() -> mailbox.orphaned(10))).isOne();
  }

  private long roundTrips(Runnable operation) {
    long before = server.readsProcessed();
    operation.run();
    // The second INFO is itself one read.
    return server.readsProcessed() - before - 1;
  }
}
