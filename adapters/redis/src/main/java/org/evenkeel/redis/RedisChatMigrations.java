package org.evenkeel.redis;

import java.util.Map;
import org.evenkeel.core.port.ChatMigrations;
import redis.clients.jedis.UnifiedJedis;

/**
 * Chat migrations in Redis, shared by every instance: one hash per platform ({@link
 * RedisKeys#chatMigrations}) with {@code s:<chatId>} → state id and {@code c:<stateId>} → current
 * id. A lookup is one HGET; a move is one HGET and one HSET of both fields (a move is recorded from
 * a service message, so doing it twice, or on two instances at once, writes the same values).
 */
public final class RedisChatMigrations implements ChatMigrations {

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Migrations on {@code redis}, which the caller keeps open while they are used. */
  public RedisChatMigrations(UnifiedJedis redis, RedisKeys keys) {
    if (redis == null || keys == null) {
      throw new IllegalArgumentException("redis and keys must not be null");
    }
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public void moved(String platform, String from, String to) {
    if (from.equals(to)) {
      throw new IllegalArgumentException("a chat cannot move to its own id " + from);
    }
    String state = stateId(platform, from);
    RedisOutages.guard(
        () ->
            redis.hset(keys.chatMigrations(platform), Map.of("s:" + to, state, "c:" + state, to)));
  }

  @Override
  public String stateId(String platform, String chatId) {
    String state =
        RedisOutages.guard(() -> redis.hget(keys.chatMigrations(platform), "s:" + chatId));
    return state == null ? chatId : state;
  }

  @Override
  public String sendId(String platform, String stateId) {
    String current =
        RedisOutages.guard(() -> redis.hget(keys.chatMigrations(platform), "c:" + stateId));
    return current == null ? stateId : current;
  }
}
