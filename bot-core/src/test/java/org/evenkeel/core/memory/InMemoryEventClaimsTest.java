package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class InMemoryEventClaimsTest {

  private static final Duration TTL = Duration.ofHours(24);

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryEventClaims claims = new InMemoryEventClaims(clock);

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
  void claim_holdsUntilItsTimeToLivePasses_thenTheIdCanBeClaimedAgain() {
    claims.claim("telegram:1", TTL);

    clock.advance(TTL.minusMillis(1));
    assertThat(claims.claim("telegram:1", TTL)).as("just before expiry").isFalse();

    clock.advance(Duration.ofMillis(1));
    assertThat(claims.claim("telegram:1", TTL)).as("at expiry").isTrue();
    assertThat(claims.claim("telegram:1", TTL)).as("claimed anew").isFalse();
  }

  @Test
  void expiredClaims_doNotReleaseLiveOnes() {
    claims.claim("old", TTL);
    clock.advance(Duration.ofHours(12));
    claims.claim("newer", TTL);

    clock.advance(Duration.ofHours(13));

    assertThat(claims.claim("old", TTL)).isTrue();
    assertThat(claims.claim("newer", TTL)).isFalse();
  }

  @Test
  void claimsWithDifferentTimesToLive_eachExpireOnTheirOwn() {
    claims.claim("long", Duration.ofHours(1));
    claims.claim("short", Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(2));

    assertThat(claims.claim("short", TTL)).isTrue();
    assertThat(claims.claim("long", TTL)).isFalse();
  }

  @Test
  void reclaimedId_expiresOnItsNewTimeToLive() {
    claims.claim("a", Duration.ofHours(1));
    clock.advance(Duration.ofHours(2));
    assertThat(claims.claim("a", Duration.ofHours(1))).isTrue();

    clock.advance(Duration.ofMinutes(30));
    assertThat(claims.claim("a", TTL)).isFalse();
    clock.advance(Duration.ofMinutes(30));
    assertThat(claims.claim("a", TTL)).isTrue();
  }
}
