package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.port.Leases;
import org.junit.jupiter.api.Test;

/** What every {@link Leases} does; run against each implementation. */
public abstract class LeasesContract {

  protected static final Duration TTL = Duration.ofSeconds(30);

  protected abstract Leases leases();

  /** Lets {@code duration} pass for the store's clock. */
  protected abstract void pass(Duration duration) throws InterruptedException;

  @Test
  void aFreeLease_isTaken_andThenNobodyElseGetsIt() {
    assertThat(leases().acquire("discord:shard:0", "a", TTL)).isTrue();

    assertThat(leases().acquire("discord:shard:0", "b", TTL)).isFalse();
    assertThat(leases().acquire("discord:shard:1", "b", TTL)).isTrue();
  }

  @Test
  void theOwner_mayAcquireAgain_andRenew() {
    leases().acquire("x", "a", TTL);

    assertThat(leases().acquire("x", "a", TTL)).isTrue();
    assertThat(leases().renew("x", "a", TTL)).isTrue();
    assertThat(leases().renew("x", "b", TTL)).isFalse();
  }

  @Test
  void aLeaseThatRanOut_isAnyonesToTake_andItsOldOwnerCannotRenewIt() throws InterruptedException {
    Duration shortTtl = Duration.ofMillis(300);
    leases().acquire("x", "a", shortTtl);

    pass(Duration.ofMillis(600));

    assertThat(leases().acquire("x", "b", TTL)).isTrue();
    assertThat(leases().renew("x", "a", TTL)).isFalse();
  }

  @Test
  void release_freesTheLease_butOnlyForItsOwner() {
    leases().acquire("x", "a", TTL);

    leases().release("x", "b");
    assertThat(leases().acquire("x", "b", TTL)).isFalse();

    leases().release("x", "a");
    assertThat(leases().acquire("x", "b", TTL)).isTrue();
  }
}
