package org.evenkeel.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.port.RateLimits;
import redis.clients.jedis.UnifiedJedis;

/**
 * Token buckets in Redis, shared by every instance: each take, of one bucket or several, is one
 * round trip running {@code rate_take.lua}, which decides on Redis's clock ({@code TIME}), so the
 * instances' clocks never matter. A bucket is a small hash under {@link RedisKeys#rateBucket}
 * holding when it will be full again; its key expires soon after, so idle buckets (a chat nobody
 * was sent to lately) take no memory. {@code docs/redis.md} describes the key and the script.
 *
 * <p>Works on standalone, Sentinel and Cluster alike: every bucket carries the hash tag {@code
 * {rate}}, so a take of several is in one slot.
 *
 * <p>Thread-safe: it holds no state of its own, and Jedis clients pool their connections.
 */
public final class RedisRateLimits implements RateLimits {

  private static final LuaScript TAKE = LuaScript.named("rate_take.lua");

  /**
   * How long a bucket's key outlives the moment the bucket is full again. Expiring it right then
   * would lose nothing (a missing bucket is a full one); the margin covers a replica promoted by a
   * failover whose clock is slightly ahead, which would otherwise forget a bucket still refilling.
   */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(1);

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Buckets on {@code redis}, which the caller keeps open while taking and closes after. */
  public RedisRateLimits(UnifiedJedis redis, RedisKeys keys) {
    if (redis == null || keys == null) {
      throw new IllegalArgumentException("redis and keys must not be null");
    }
    this.redis = redis;
    this.keys = keys;
  }

  /** Buckets under the {@link RedisKeys#DEFAULT_PREFIX default prefix}. */
  public RedisRateLimits(UnifiedJedis redis) {
    this(redis, RedisKeys.withDefaultPrefix());
  }

  @Override
  public Take takeAll(List<Bucket> buckets, int tokens) {
    RateLimits.requireTakeable(buckets, tokens);
    List<String> names = new ArrayList<>(buckets.size());
    List<String> args = new ArrayList<>(2 + 2 * buckets.size());
    args.add(Integer.toString(tokens));
    args.add(Long.toString(EXPIRY_MARGIN.toMillis()));
    for (Bucket bucket : buckets) {
      names.add(keys.rateBucket(bucket.name()));
      args.add(Long.toString(bucket.rate().intervalMicros()));
      args.add(Integer.toString(bucket.rate().capacity()));
    }
    long waitMicros = (Long) TAKE.run(redis, names, args);
    return waitMicros == 0 ? Take.GRANTED : Take.refused(Duration.ofNanos(waitMicros * 1000));
  }
}
