package org.evenkeel.redis;

import java.time.Duration;
import org.evenkeel.core.port.EventClaims;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Event claims in Redis: {@code SET <prefix>:claim:<hash of the event id> 1 NX PX <ttl>}, which
 * only the first caller of all instances wins; Redis forgets the claim when its time to live
 * passes. Works on standalone, Sentinel and Cluster alike (one key per claim).
 */
public final class RedisEventClaims implements EventClaims {

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Claims on {@code redis}, which the caller keeps open while claiming and closes after. */
  public RedisEventClaims(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Claims under the {@link RedisKeys#DEFAULT_PREFIX default prefix}. */
  public RedisEventClaims(UnifiedJedis redis) {
    this(redis, RedisKeys.withDefaultPrefix());
  }

  @Override
  public boolean claim(String eventId, Duration ttl) {
    if (ttl == null || ttl.toMillis() < 1) {
      throw new IllegalArgumentException("claim ttl must be at least 1 ms but was " + ttl);
    }
    String reply =
        RedisOutages.guard(
            () ->
                redis.set(
                    keys.eventClaim(eventId), "1", SetParams.setParams().nx().px(ttl.toMillis())));
    return "OK".equals(reply);
  }
}
