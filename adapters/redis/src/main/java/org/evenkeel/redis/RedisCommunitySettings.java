package org.evenkeel.redis;

import java.util.EnumMap;
import java.util.Map;
import org.evenkeel.core.port.CommunitySettings;
import redis.clients.jedis.UnifiedJedis;

/**
 * Community settings in Redis, shared by every instance: one hash per community ({@link
 * RedisKeys#communitySettings}), kept until changed. A read is one HGETALL, a change one HSET or
 * HDEL. Fields this version does not know (written by a newer one) are left alone.
 */
public final class RedisCommunitySettings implements CommunitySettings {

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Settings on {@code redis}, which the caller keeps open while they are used. */
  public RedisCommunitySettings(UnifiedJedis redis, RedisKeys keys) {
    if (redis == null || keys == null) {
      throw new IllegalArgumentException("redis and keys must not be null");
    }
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public Map<Setting, String> read(String platform, String communityId) {
    Map<String, String> stored =
        RedisOutages.guard(() -> redis.hgetAll(keys.communitySettings(platform, communityId)));
    Map<Setting, String> out = new EnumMap<>(Setting.class);
    stored.forEach((field, value) -> Setting.of(field).ifPresent(s -> out.put(s, value)));
    return Map.copyOf(out);
  }

  @Override
  public void put(String platform, String communityId, Setting setting, String value) {
    RedisOutages.guard(
        () -> redis.hset(keys.communitySettings(platform, communityId), setting.key(), value));
  }

  @Override
  public void clear(String platform, String communityId, Setting setting) {
    RedisOutages.guard(
        () -> redis.hdel(keys.communitySettings(platform, communityId), setting.key()));
  }
}
