package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.app.MemberChat.assertBeginnings;

import java.util.List;
import java.util.Map;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Safety interrupts an exercise under way on Telegram, end to end: {@code /sos} and a crisis phrase
 * typed mid-flow bring the crisis card at once, and the exercise does not come back on its own. On
 * Redis, so the test can read that no pacing timer is left to resume it.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramSafetyIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private static final String WELCOME = "Hi, I'm Evenkeel: short exercises";
  private static final String CARD =
      "Support right now\nSet your country in /settings to see local numbers.";
  private static final String HELP = "What I can do\n/start: set up the basics";

  private final FakeBotApi api = FakeBotApi.start();
  private final RedisStore store;
  private final RunningBot bot;

  TelegramSafetyIT(TestRedis redis) {
    this.store = new RedisStore(redis.client());
    this.bot = RunningBot.start(api, Map.of(Launcher.REDIS_URL, redis.url()));
  }

  @AfterEach
  void close() throws Exception {
    bot.close();
    api.close();
  }

  @Test
  void sos_duringBoxBreathing_showsTheCardAtOnce_andTheTimerNeverComesBack() throws Exception {
    MemberChat chat = MemberChat.privateChat(api, ANN);
    chat.send("/breathe");
    chat.awaitMessages(2);
    chat.tap("Box breathing (4-4-4-4)");
    chat.awaitMessages(4); // the timer runs: the next phase in 4 s

    chat.send("/sos");
    chat.awaitMessages(6);

    assertThat(store.nextPacing(chat.address())).as("a pacing timer left").isEmpty();
    assertThat(flowOf(chat)).isEqualTo("sos");
    chat.tap("No");
    chat.awaitMessages(7);
    chat.send("/help");
    List<String> messages = chat.awaitMessages(8);
    assertBeginnings(
        messages,
        WELCOME,
        "Which kind of breathing would you like?",
        "Box breathing: in for 4",
        "Breathe in… 4  (round 1 of 4)",
        CARD,
        "While you reach out, would a short grounding exercise help?",
        "Okay. The numbers above are there whenever you need them.",
        HELP);
    int card = sequenceOf(chat, CARD);
    assertThat(api.calls("editMessageText"))
        .as("the breathing timer edited its message after the card")
        .allSatisfy(edit -> assertThat(edit.sequence()).isLessThan(card));
    chat.assertEveryTapAnsweredOnce();
    bot.stop();
  }

  @Test
  void aCrisisPhrase_typedDuringAPause_stopsGrounding_andShowsTheCard() throws Exception {
    MemberChat chat = MemberChat.privateChat(api, ANN);
    chat.send("/ground");
    chat.awaitMessages(3);
    chat.send("a lamp, the door");
    // Grounding pauses 2 s here; whatever is typed meanwhile is read at once.
    chat.send("honestly i don't want to live anymore");
    chat.awaitMessages(6);

    assertThat(store.nextPacing(chat.address())).as("a pacing timer left").isEmpty();
    assertThat(flowOf(chat)).isEqualTo("crisis");
    chat.tap("I'm safe for now");
    chat.awaitMessages(7);
    chat.send("/help");
    List<String> messages = chat.awaitMessages(8);
    assertBeginnings(
        messages,
        WELCOME,
        "Let's slow things down using your senses",
        "Look around. Find 5 things you can see.",
        "I'm really glad you told me.",
        CARD,
        "Are you safe right now?",
        "Thank you for telling me.",
        HELP);
    chat.assertEveryTapAnsweredOnce();
    bot.stop();
  }

  private String flowOf(MemberChat chat) {
    return store.load(chat.address()).session().flow().map(FlowPosition::flowId).orElse("none");
  }

  private static int sequenceOf(MemberChat chat, String beginning) {
    return chat.calls().stream()
        .filter(c -> c.method().equals("sendMessage"))
        .filter(c -> MemberChat.visibleText(c).startsWith(beginning))
        .mapToInt(RecordedCall::sequence)
        .findFirst()
        .orElseThrow();
  }
}
