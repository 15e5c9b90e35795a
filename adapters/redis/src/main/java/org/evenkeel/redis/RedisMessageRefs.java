package org.evenkeel.redis;

import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.MessageRefs;
import redis.clients.jedis.UnifiedJedis;

/**
 * Message refs in Redis, shared by every instance: one small hash per member ({@link
 * RedisKeys#refs}), a field {@code <chatId>#<ref>} per ref holding the platform message id, kept
 * for {@link MessageRefs#KEPT} after the last one was set. {@link RedisStore#forget} deletes it
 * with the member's other keys. Each call is one request.
 */
public final class RedisMessageRefs implements MessageRefs {

  private static final LuaScript SET = LuaScript.named("ref_set.lua");

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  /** Refs on {@code redis}, which the caller keeps open while they are used and closes after. */
  public RedisMessageRefs(UnifiedJedis redis, RedisKeys keys) {
    if (redis == null || keys == null) {
      throw new IllegalArgumentException("redis and keys must not be null");
    }
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public void remember(ConversationAddress conversation, String ref, String messageId) {
    SET.run(
        redis,
        List.of(keys.refs(conversation.member())),
        List.of(field(conversation, ref), messageId, Long.toString(KEPT.toMillis())));
  }

  @Override
  public Optional<String> recall(ConversationAddress conversation, String ref) {
    return Optional.ofNullable(
        RedisOutages.guard(
            () -> redis.hget(keys.refs(conversation.member()), field(conversation, ref))));
  }

  @Override
  public void forget(ConversationAddress conversation, String ref) {
    RedisOutages.guard(
        () -> redis.hdel(keys.refs(conversation.member()), field(conversation, ref)));
  }

  private static String field(ConversationAddress conversation, String ref) {
    return conversation.chatId() + "#" + ref;
  }
}
