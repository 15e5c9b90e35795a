package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.discord.fake.FakeDiscord;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starting on Discord: a refused token, and a shard that another instance already runs. */
@ExtendWith(RedisServerExtension.class)
class DiscordStartIT {

  private final FakeDiscord discord = FakeDiscord.start();
  private final TestRedis redis;

  DiscordStartIT(TestRedis redis) {
    this.redis = redis;
  }

  @AfterEach
  void close() {
    discord.close();
  }

  private Map<String, String> env(String token) {
    Map<String, String> env = new HashMap<>();
    env.put(Launcher.DISCORD_BOT_TOKEN, token);
    env.put(DiscordStart.DISCORD_API_URL, discord.restBaseUrl());
    env.put(DiscordStart.DISCORD_GATEWAY_URL, discord.gatewayUrl());
    env.put(Launcher.REDIS_URL, redis.url());
    return env;
  }

  @Test
  void aRefusedToken_isOneConfigurationProblem_namingTheVariable() throws Exception {
    RunningBot bot = RunningBot.withEnvironment(env("not-the-token"));
    await().atMost(Duration.ofSeconds(20)).until(bot::ended);

    assertThatThrownBy(bot::stop)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment DISCORD_BOT_TOKEN: Discord refused the token")
        .hasMessageNotContaining("not-the-token");
  }

  @Test
  void aShardAnotherInstanceRuns_isRefused_andFreeOnceItStops() throws Exception {
    RunningBot first = RunningBot.withEnvironment(env(FakeDiscord.TOKEN));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> discord.calls().stream().anyMatch(c -> c.is("PUT", "applications/.*/commands")));

    RunningBot second = RunningBot.withEnvironment(env(FakeDiscord.TOKEN));
    await().atMost(Duration.ofSeconds(20)).until(second::ended);
    assertThatThrownBy(second::stop)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("discord.shards.owned: shard 0 of 1 is run by another instance");

    first.stop();
    RunningBot third = RunningBot.withEnvironment(env(FakeDiscord.TOKEN));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> discord.gatewayReceived().stream().filter(p -> p.getInt("op") == 2).count() == 2);
    assertThat(third.ended()).isFalse();
    third.stop();
  }
}
