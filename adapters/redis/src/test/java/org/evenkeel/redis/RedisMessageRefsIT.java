package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.memory.MessageRefsContract;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.MessageRefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** Message refs in Redis against the contract, plus their key and time to live. */
@ExtendWith(RedisServerExtension.class)
class RedisMessageRefsIT extends MessageRefsContract {

  private final TestRedis server;
  private final UnifiedJedis redis;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private UnifiedJedis secondClient;

  RedisMessageRefsIT(TestRedis server) {
    this.server = server;
    this.redis = server.client();
  }

  @AfterEach
  void closeSecondClient() {
    if (secondClient != null) {
      secondClient.close();
    }
  }

  @Override
  protected MessageRefs refs() {
    return new RedisMessageRefs(redis, keys);
  }

  @Override
  protected MessageRefs anotherInstance() {
    if (secondClient == null) {
      secondClient = server.newClient();
    }
    return new RedisMessageRefs(secondClient, keys);
  }

  @Override
  protected void forgetMember(MemberId member) {
    new RedisStore(redis).forget(member);
  }

  @Test
  void refsAreOneHashPerMember_inTheirPartition_keptForADay() {
    refs().remember(ALICE, "pace-1", "501");
    refs().remember(ALICE_IN_GROUP, "pace-1", "9001");

    String key = keys.refs(ALICE.member());
    assertThat(key).startsWith("ek:{p" + keys.partition(ALICE.member()) + "}:m:test:alice:");
    assertThat(redis.hgetAll(key))
        .containsOnly(
            java.util.Map.entry("alice#pace-1", "501"),
            java.util.Map.entry("-100200#pace-1", "9001"));
    assertThat(redis.pttl(key))
        .isBetween(MessageRefs.KEPT.toMillis() - 60_000, MessageRefs.KEPT.toMillis());
  }
}
