package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/**
 * The behaviours of {@code InMemoryEventClaimsTest}, on Redis. Instead of advancing a clock, the
 * tests read each claim's time to live from Redis, and let Redis expire a claim by setting its
 * expiry in the past.
 */
@ExtendWith(RedisServerExtension.class)
class RedisEventClaimsIT {

  private static final Duration TTL = Duration.ofHours(24);
  private static final long SLACK_MILLIS = 5_000;

  private final UnifiedJedis redis;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private final RedisEventClaims claims;

  RedisEventClaimsIT(TestRedis server) {
    this.redis = server.client();
    this.claims = new RedisEventClaims(redis, keys);
  }

  @Test
  void event_isClaimedOnce() {
    assertThat(claims.claim("telegram:1", TTL)).isTrue();
    assertThat(claims.claim("telegram:1", TTL)).isFalse();
    assertThat(claims.claim("telegram:1", TTL)).isFalse();
  }

  @Test
  void differentEvents_areClaimedIndependently() {
    assertThat(claims.claim("telegram:1", TTL)).isTrue();
    assertThat(claims.claim("telegram:2", TTL)).isTrue();
    assertThat(claims.claim("discord:1", TTL)).isTrue();
  }

  @Test
  void claim_holdsForItsTimeToLive_thenTheIdCanBeClaimedAgain() {
    claims.claim("telegram:1", TTL);
    assertThat(ttlOf("telegram:1")).isBetween(TTL.toMillis() - SLACK_MILLIS, TTL.toMillis());
    assertThat(claims.claim("telegram:1", TTL)).as("before expiry").isFalse();

    expire("telegram:1");

    assertThat(claims.claim("telegram:1", TTL)).as("after expiry").isTrue();
    assertThat(claims.claim("telegram:1", TTL)).as("claimed anew").isFalse();
  }

  @Test
  void expiredClaims_doNotReleaseLiveOnes() {
    claims.claim("old", TTL);
    claims.claim("newer", TTL);

    expire("old");

    assertThat(claims.claim("old", TTL)).isTrue();
    assertThat(claims.claim("newer", TTL)).isFalse();
  }

  @Test
  void claimsWithDifferentTimesToLive_eachExpireOnTheirOwn() {
    claims.claim("long", Duration.ofHours(1));
    claims.claim("short", Duration.ofSeconds(90));

    assertThat(ttlOf("long")).isBetween(3_600_000 - SLACK_MILLIS, 3_600_000L);
    assertThat(ttlOf("short")).isBetween(90_000 - SLACK_MILLIS, 90_000L);
  }

  @Test
  void reclaimedId_expiresOnItsNewTimeToLive() {
    claims.claim("a", Duration.ofHours(1));
    expire("a");

    assertThat(claims.claim("a", Duration.ofMinutes(30))).isTrue();

    assertThat(ttlOf("a")).isBetween(1_800_000 - SLACK_MILLIS, 1_800_000L);
  }

  @Test
  void manyInstancesClaimingTheSameEvent_onlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        attempts.add(() -> claims.claim("telegram:42", TTL));
      }
      long winners = 0;
      for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
        winners += attempt.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void claimKeys_holdAHashOfTheEventId_notTheIdItself() {
    claims.claim("timer:telegram:55:alice:checkin:1772442000000", TTL);

    String key = keys.eventClaim("timer:telegram:55:alice:checkin:1772442000000");
    assertThat(redis.exists(key)).isTrue();
    assertThat(key)
        .startsWith("ek:claim:")
        .doesNotContain("alice")
        .hasSize("ek:claim:".length() + 22);
  }

  @Test
  void claim_withoutAPositiveTimeToLive_isRefused() {
    assertThatThrownBy(() -> claims.claim("e", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }

  private long ttlOf(String eventId) {
    return redis.pttl(keys.eventClaim(eventId));
  }

  /** Lets Redis expire the claim now: an expiry time in the past deletes the key. */
  private void expire(String eventId) {
    assertThat(redis.pexpireAt(keys.eventClaim(eventId), 1)).isEqualTo(1);
  }
}
