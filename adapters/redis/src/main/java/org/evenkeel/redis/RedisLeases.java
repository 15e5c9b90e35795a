package org.evenkeel.redis;

import java.time.Duration;
import java.util.List;
import org.evenkeel.core.port.Leases;
import redis.clients.jedis.UnifiedJedis;

/**
 * Leases in Redis, shared by every instance: one string key per lease ({@link RedisKeys#lease})
 * holding the owner, expiring with the lease on Redis's clock. Taking, renewing and releasing each
 * check the holder and act in one script, so two instances never both hold a lease.
 */
public final class RedisLeases implements Leases {

  private static final LuaScript ACQUIRE = LuaScript.named("lease_acquire.lua");
  private static final LuaScript RENEW = LuaScript.named("lease_renew.lua");
  private static final LuaScript RELEASE = LuaScript.named("lease_release.lua");

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Leases on {@code redis}, which the caller keeps open while they are used. */
  public RedisLeases(UnifiedJedis redis, RedisKeys keys) {
    if (redis == null || keys == null) {
      throw new IllegalArgumentException("redis and keys must not be null");
    }
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public boolean acquire(String name, String owner, Duration ttl) {
    return ran(ACQUIRE, name, owner, ttl);
  }

  @Override
  public boolean renew(String name, String owner, Duration ttl) {
    return ran(RENEW, name, owner, ttl);
  }

  @Override
  public void release(String name, String owner) {
    RELEASE.run(redis, List.of(keys.lease(name)), List.of(owner));
  }

  private boolean ran(LuaScript script, String name, String owner, Duration ttl) {
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("a lease lasts at least a millisecond but was " + ttl);
    }
    Object result =
        script.run(redis, List.of(keys.lease(name)), List.of(owner, Long.toString(ttl.toMillis())));
    return Long.valueOf(1L).equals(result);
  }
}
