package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.evenkeel.core.memory.ChatMigrationsContract;
import org.evenkeel.core.port.ChatMigrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** Chat migrations in Redis against the contract, plus the one key they live in. */
@ExtendWith(RedisServerExtension.class)
class RedisChatMigrationsIT extends ChatMigrationsContract {

  private final TestRedis server;
  private final UnifiedJedis redis;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private UnifiedJedis secondClient;

  RedisChatMigrationsIT(TestRedis server) {
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
  protected ChatMigrations migrations() {
    return new RedisChatMigrations(redis, keys);
  }

  @Override
  protected ChatMigrations anotherInstance() {
    if (secondClient == null) {
      secondClient = server.newClient();
    }
    return new RedisChatMigrations(secondClient, keys);
  }

  @Test
  void aMove_isTwoFieldsOfThePlatformsHash_keptForGood() {
    migrations().moved("telegram", "-42", "-100777");

    assertThat(redis.hgetAll("ek:{chats}:telegram"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("s:-100777", "-42", "c:-42", "-100777"));
    assertThat(redis.ttl("ek:{chats}:telegram")).isEqualTo(-1);
  }
}
