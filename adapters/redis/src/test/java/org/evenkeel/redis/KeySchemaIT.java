package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** The keys, types and times to live that docs/redis.md promises. */
@ExtendWith(RedisServerExtension.class)
class KeySchemaIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final long SLACK_MILLIS = 5_000;

  private final TestRedis server;
  private final UnifiedJedis redis;
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  KeySchemaIT(TestRedis server) {
    this.server = server;
    this.redis = server.client();
  }

  @Test
  void aTurn_writesTheDocumentedKeys_withTheirTypesAndTimesToLive() {
    RedisStore store = new RedisStore(redis);

    store.commit(turn("e1", Session.fresh(alice)));

    Map<String, String> types = new TreeMap<>();
    allKeys().forEach(key -> types.put(key, redis.type(key)));
    assertThat(types)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ek:{p37}:m:test:alice:profile", "string",
                "ek:{p37}:m:test:alice:journal", "list",
                "ek:{p37}:m:test:alice:sess:alice", "hash",
                "ek:{p37}:m:test:alice:sessions", "set",
                "ek:{p37}:m:test:alice:records", "hash",
                "ek:{p37}:m:test:alice:done", "zset",
                "ek:{p37}:due", "zset"));
    long thirtyDays = Duration.ofDays(30).toMillis();
    assertThat(redis.pttl("ek:{p37}:m:test:alice:sess:alice"))
        .isBetween(thirtyDays - SLACK_MILLIS, thirtyDays);
    assertThat(redis.pttl("ek:{p37}:m:test:alice:sessions"))
        .isBetween(thirtyDays - SLACK_MILLIS, thirtyDays);
    long twoDays = Duration.ofHours(48).toMillis();
    assertThat(redis.pttl("ek:{p37}:m:test:alice:done")).isBetween(twoDays - SLACK_MILLIS, twoDays);
    for (String kept : List.of("profile", "journal", "records")) {
      assertThat(redis.pttl("ek:{p37}:m:test:alice:" + kept))
          .as(kept + " has no expiry")
          .isEqualTo(-1);
    }
  }

  @Test
  void everyCommit_startsTheSessionsTimeToLiveAnew() {
    Duration ttl = Duration.ofMinutes(10);
    RedisStore store = new RedisStore(redis, RedisStoreSettings.defaults().withSessionTtl(ttl));
    store.commit(turn("e1", Session.fresh(alice)));
    redis.pexpire("ek:{p37}:m:test:alice:sess:alice", 1_000);
    redis.pexpire("ek:{p37}:m:test:alice:sessions", 1_000);

    store.commit(turn("e2", store.load(alice).session()));

    assertThat(redis.pttl("ek:{p37}:m:test:alice:sess:alice"))
        .isBetween(ttl.toMillis() - SLACK_MILLIS, ttl.toMillis());
    assertThat(redis.pttl("ek:{p37}:m:test:alice:sessions"))
        .isBetween(ttl.toMillis() - SLACK_MILLIS, ttl.toMillis());
  }

  @Test
  void anExpiredSession_startsFresh_butTheMemberIsKept() {
    RedisStore store = new RedisStore(redis);
    store.commit(turn("e1", Session.fresh(alice)));

    redis.pexpireAt("ek:{p37}:m:test:alice:sess:alice", 1); // Redis expires it now

    assertThat(store.load(alice).session()).isEqualTo(Session.fresh(alice));
    assertThat(store.load(alice).knownMember()).isTrue();
    assertThat(store.export(alice.member()).sessions()).isEmpty();
    assertThat(store.export(alice.member()).journal()).hasSize(1);
  }

  @Test
  void anotherPrefix_keepsEveryKeyUnderIt() {
    RedisStore store = new RedisStore(redis, RedisStoreSettings.defaults().withPrefix("staging"));

    store.commit(turn("e1", Session.fresh(alice)));

    assertThat(allKeys()).isNotEmpty().allMatch(key -> key.startsWith("staging:"));
  }

  @Test
  void anEventAlreadyCommitted_isRefused_andWritesNothing() {
    RedisStore store = new RedisStore(redis);
    store.commit(turn("e1", Session.fresh(alice)));

    boolean again = store.commit(turn("e1", store.load(alice).session()));

    assertThat(again).isFalse();
    assertThat(store.load(alice).session().version()).isEqualTo(1);
    assertThat(store.export(alice.member()).journal()).hasSize(1);
  }

  @Test
  void aNewMembersProfile_withoutFirstSeen_isRefused_andWritesNothing() {
    RedisStore store = new RedisStore(redis);
    Profile unset = Profile.newMember(alice.member(), Instant.EPOCH);

    assertThatThrownBy(
            () ->
                store.commit(
                    new TurnCommit("e1", Session.fresh(alice), unset, List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstSeen");
    assertThat(allKeys()).isEmpty();
  }

  @Test
  void storedValues_areCompact() {
    RedisStore store = new RedisStore(redis);

    store.commit(turn("e1", Session.fresh(alice)));

    assertThat(redis.get("ek:{p37}:m:test:alice:profile"))
        .isEqualTo("{\"f\":1772442000000,\"c\":\"DE\"}");
    assertThat(redis.lrange("ek:{p37}:m:test:alice:journal", 0, -1))
        .containsExactly("{\"k\":\"mood\",\"a\":1772442000000,\"t\":\"calm\",\"m\":4}");
    assertThat(redis.hgetAll("ek:{p37}:m:test:alice:records"))
        .containsExactlyEntriesOf(Map.of("alice:checkin", "1772528400000:0"));
    assertThat(redis.zrange("ek:{p37}:due", 0, -1))
        .containsExactly("1772528400000:0:test:alice:alice:checkin");
  }

  @Test
  void milestoneCounters_areFieldsOfTheRecordsHash_besideTheTimers_andNeverQueued() {
    RedisStore store = new RedisStore(redis);
    store.commit(turn("e1", Session.fresh(alice)));
    MilestoneCounter counter =
        new MilestoneCounter(MilestoneCounter.PRIVATE, "alcohol", T0, true, 62, 90);

    store.commit(
        new TurnCommit(
            "e2",
            store.load(alice).session(),
            store.load(alice).profile(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new SaveCounter(counter))));

    assertThat(redis.hgetAll("ek:{p37}:m:test:alice:records"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alice:checkin", "1772528400000:0",
                "::alcohol", "{\"a\":1772442000000,\"d\":1,\"l\":62,\"p\":90}"));
    assertThat(redis.zcard("ek:{p37}:due")).as("only the timer is due some day").isOne();
    assertThat(redis.objectEncoding("ek:{p37}:m:test:alice:records"))
        .as("small enough for Redis's compact hash encoding (6.2 calls it ziplist, 7 listpack)")
        .isIn("ziplist", "listpack");
  }

  private TurnCommit turn(String eventId, Session loaded) {
    return new TurnCommit(
        eventId,
        loaded,
        Profile.newMember(alice.member(), T0).withCountry("DE"),
        List.of(JournalEntry.mood(T0, 4, "calm")),
        List.of(new StartTimer("checkin", T0.plus(Duration.ofDays(1)), false)));
  }

  private Set<String> allKeys() {
    return server.allKeys();
  }
}
