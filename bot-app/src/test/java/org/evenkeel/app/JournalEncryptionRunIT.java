package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole bot with JOURNAL_ENCRYPTION_KEYS set: what a member writes in /gratitude is nowhere in
 * Redis in the clear once the exercise is over, and /journal shows it back to them. A malformed key
 * ring stops the bot with an error naming the variable, never the key.
 */
@ExtendWith(RedisServerExtension.class)
class JournalEncryptionRunIT {

  private static final FakeUser ANN = FakeUser.of(4_300_043);
  private static final String KEYS =
      "k1:" + Base64.getEncoder().encodeToString("an-example-key-of-32-bytes-long!".getBytes());

  private final FakeBotApi api = FakeBotApi.start();
  private final TestRedis redis;
  private RunningBot bot;

  JournalEncryptionRunIT(TestRedis redis) {
    this.redis = redis;
  }

  @AfterEach
  void close() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  @Test
  void gratitudeIsEncryptedAtRest_andReadBackInTheJournal() throws Exception {
    bot =
        RunningBot.start(
            api, Map.of(Launcher.REDIS_URL, redis.url(), Launcher.JOURNAL_ENCRYPTION_KEYS, KEYS));
    MemberChat chat = MemberChat.privateChat(api, ANN);
    chat.send("/gratitude");
    chat.awaitMessages(3); // welcome, intro, the first question
    chat.send("the lighthouse at dusk");
    chat.awaitMessages(4);
    chat.tap("Skip");
    chat.awaitMessages(5);
    chat.tap("Skip");
    chat.awaitMessages(6);

    for (String key : redis.allKeys()) {
      assertThat(redis.contents(key)).as(key).doesNotContain("lighthouse");
    }
    chat.send("/journal");
    assertThat(chat.awaitMessages(7).get(6)).contains("the lighthouse at dusk");
    bot.stop();
  }

  @Test
  void aMalformedKeyRing_stopsTheBotNamingTheVariable() {
    bot =
        RunningBot.start(
            api,
            Map.of(
                Launcher.REDIS_URL, redis.url(), Launcher.JOURNAL_ENCRYPTION_KEYS, "k1:c2hvcnQ="));

    assertThatThrownBy(bot::stop)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JOURNAL_ENCRYPTION_KEYS")
        .hasMessageContaining("must be 32 bytes")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2hvcnQ="));
  }
}
