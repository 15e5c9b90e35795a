package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.evenkeel.core.memory.InMemoryLeases;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ShardLeasesTest {

  private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  private final InMemoryLeases leases = new InMemoryLeases(clock);

  @Test
  void twoInstances_cannotOwnTheSameShard_andARefusalTakesNothing() {
    ShardLeases a = ShardLeases.acquire(leases, "a", 4, List.of(0, 1));

    assertThatThrownBy(() -> ShardLeases.acquire(leases, "b", 4, List.of(2, 1)))
        .isInstanceOf(ShardLeases.ShardTakenException.class)
        .hasMessageContaining("shard 1 of 4 is run by another instance");
    assertThat(leases.acquire(ShardLeases.name(2, 4), "c", Duration.ofSeconds(1)))
        .as("b's lease of shard 2 was given back")
        .isTrue();
    a.close();
  }

  @Test
  void closing_freesTheShards_forAnotherInstance() {
    ShardLeases.acquire(leases, "a", 2, List.of(0, 1)).close();

    ShardLeases b = ShardLeases.acquire(leases, "b", 2, List.of(0, 1));
    b.close();
  }

  @Test
  void aCrashedInstancesShards_areFreeOnceTheLeaseRanOut() {
    ShardLeases.acquire(leases, "a", 1, List.of(0)); // never closed: the instance crashed

    assertThatThrownBy(() -> ShardLeases.acquire(leases, "b", 1, List.of(0)))
        .isInstanceOf(ShardLeases.ShardTakenException.class);
    clock.advance(ShardLeases.TTL.plusSeconds(1));
    ShardLeases.acquire(leases, "b", 1, List.of(0)).close();
  }
}
