package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.app.MemberChat.assertBeginnings;

import java.util.List;
import java.util.Map;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot on Redis is stopped in the middle of a member's grounding exercise and started again (a
 * deploy): the member goes on where they were, and reads every reply exactly once.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramRestartIT {

  private static final FakeUser ANN = FakeUser.of(42);

  /** The whole exercise as the member reads it, whichever run sent each message. */
  private static final String[] GROUNDING_THEN_HELP = {
    "Hi, I'm Evenkeel: short exercises",
    "Let's slow things down using your senses",
    "Look around. Find 5 things you can see.",
    "Now 4 things you can feel",
    "3 things you can hear.",
    "2 things you can smell.",
    "1 thing you can taste.",
    "You did it. Take one slow breath. How are you now?",
    "I'm glad. Go gently. I'm here whenever you need me.",
    "What I can do\n/start: set up the basics"
  };

  private final FakeBotApi api = FakeBotApi.start();
  private final TestRedis redis;
  private final RedisStore store;
  private final MemberChat chat = MemberChat.privateChat(api, ANN);

  TelegramRestartIT(TestRedis redis) {
    this.redis = redis;
    this.store = new RedisStore(redis.client());
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void stoppedAtAQuestion_theNextRunGoesOnFromIt_noReplyLostOrDoubled() throws Exception {
    try (RunningBot first = start()) {
      chat.send("/ground");
      chat.awaitMessages(3);
      chat.send("the window, a lamp, my hands, a mug, the door");
      chat.awaitMessages(4);
      chat.tap("Done");
      chat.awaitMessages(5);
      first.stop();
    }
    assertThat(positionOf(chat)).isEqualTo("ground/hear");

    try (RunningBot second = start()) {
      chat.tap("Done"); // under "3 things you can hear", sent by the first run
      chat.awaitMessages(6);
      chat.send("lavender");
      chat.awaitMessages(7);
      chat.send("coffee");
      chat.awaitMessages(8);
      chat.tap("I'm OK");
      chat.awaitMessages(9);
      chat.send("/help");
      List<String> messages = chat.awaitMessages(10);

      assertBeginnings(messages, GROUNDING_THEN_HELP);
      chat.assertEveryTapAnsweredOnce();
      second.stop();
    }
  }

  @Test
  void stoppedDuringAPause_theNextRunEndsThePause_once() throws Exception {
    try (RunningBot first = start()) {
      chat.send("/ground");
      chat.awaitMessages(3);
      chat.send("the window, a lamp, my hands, a mug, the door");
      // Grounding now pauses for 2 s: stop before it is over (the typing shows it began).
      api.awaitCalls("sendChatAction", 1);
      first.stop();
    }

    try (RunningBot second = start()) {
      // Whichever run ended the pause, "4 things you can feel" arrives once.
      chat.awaitMessages(4);
      chat.tap("Done");
      chat.awaitMessages(5);
      chat.tap("Done");
      chat.awaitMessages(6);
      chat.tap("Done");
      chat.awaitMessages(7);
      chat.tap("Done");
      chat.awaitMessages(8);
      chat.tap("I'm OK");
      chat.awaitMessages(9);
      chat.send("/help");
      List<String> messages = chat.awaitMessages(10);

      assertBeginnings(messages, GROUNDING_THEN_HELP);
      chat.assertEveryTapAnsweredOnce();
      second.stop();
    }
  }

  private RunningBot start() {
    return RunningBot.start(api, Map.of(Launcher.REDIS_URL, redis.url()));
  }

  private String positionOf(MemberChat chat) {
    return store
        .load(chat.address())
        .session()
        .flow()
        .map(p -> p.flowId() + "/" + p.stepId())
        .orElse("none");
  }
}
