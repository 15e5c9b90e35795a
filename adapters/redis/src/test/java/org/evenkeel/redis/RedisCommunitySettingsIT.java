package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.evenkeel.core.memory.CommunitySettingsContract;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.CommunitySettings.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** Community settings in Redis against the contract, plus the one hash they live in. */
@ExtendWith(RedisServerExtension.class)
class RedisCommunitySettingsIT extends CommunitySettingsContract {

  private final TestRedis server;
  private final UnifiedJedis redis;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private UnifiedJedis secondClient;

  RedisCommunitySettingsIT(TestRedis server) {
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
  protected CommunitySettings settings() {
    return new RedisCommunitySettings(redis, keys);
  }

  @Override
  protected CommunitySettings anotherInstance() {
    if (secondClient == null) {
      secondClient = server.newClient();
    }
    return new RedisCommunitySettings(secondClient, keys);
  }

  @Test
  void settings_areOneHashPerCommunity_keptForGood() {
    settings().put("discord", "42", Setting.LANGUAGE, "pt");

    assertThat(redis.hgetAll("ek:{c:discord:42}:settings")).isEqualTo(Map.of("language", "pt"));
    assertThat(redis.ttl("ek:{c:discord:42}:settings")).isEqualTo(-1);
  }

  @Test
  void aFieldFromANewerVersion_isIgnoredWhenRead() {
    redis.hset("ek:{c:discord:42}:settings", Map.of("language", "de", "future_thing", "x"));

    assertThat(settings().read("discord", "42")).isEqualTo(Map.of(Setting.LANGUAGE, "de"));
  }
}
