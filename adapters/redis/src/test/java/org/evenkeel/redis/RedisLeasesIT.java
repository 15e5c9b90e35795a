package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.memory.LeasesContract;
import org.evenkeel.core.port.Leases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** Leases in Redis against the contract, on Redis's own clock. */
@ExtendWith(RedisServerExtension.class)
class RedisLeasesIT extends LeasesContract {

  private final UnifiedJedis redis;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();

  RedisLeasesIT(TestRedis server) {
    this.redis = server.client();
  }

  @Override
  protected Leases leases() {
    return new RedisLeases(redis, keys);
  }

  @Override
  protected void pass(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis()); // Redis expires keys on its own clock
  }

  @Test
  void aLease_isOneKeyHoldingItsOwner_thatExpiresWithIt() {
    leases().acquire("discord:shard:0", "instance-a", Duration.ofSeconds(30));

    assertThat(redis.get("ek:{lease:discord:shard:0}")).isEqualTo("instance-a");
    assertThat(redis.pttl("ek:{lease:discord:shard:0}")).isBetween(1L, 30_000L);
  }
}
