package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.app.MemberChat.assertBeginnings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeMessage;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members go through the shipped flows on Telegram, end to end: the launcher, the engine, the
 * in-memory store, the real TelegramBots client polling the fake Bot API, and back.
 */
class TelegramFlowsIT {

  private static final FakeUser ANN = FakeUser.of(42);
  private static final long GROUP = -4_000_077;

  private static final String WELCOME = "Hi, I'm Evenkeel: short exercises";
  private static final String HELP = "What I can do\n/start: set up the basics";

  private final FakeBotApi api = FakeBotApi.start();
  private RunningBot bot;

  @AfterEach
  void close() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  @Test
  void grounding_byButtonsAndAnswers_runsToItsEnd_everyReplyOnceAndInOrder() throws Exception {
    bot = RunningBot.start(api, Map.of());
    MemberChat chat = MemberChat.privateChat(api, ANN);

    chat.send("/ground");
    chat.awaitMessages(3);
    chat.send("the window, a lamp, my hands, a mug, the door");
    chat.awaitMessages(4); // after a paced pause of 2 s
    chat.tap("Done");
    chat.awaitMessages(5);
    chat.send("a fan, birds, the street");
    chat.awaitMessages(6);
    chat.tap("Done");
    chat.awaitMessages(7);
    chat.send("coffee");
    chat.awaitMessages(8);
    chat.tap("I'm OK");
    chat.awaitMessages(9);
    chat.send("/help"); // answered after everything before it: nothing can come in between
    List<String> messages = chat.awaitMessages(10);

    assertBeginnings(
        messages,
        WELCOME,
        "Let's slow things down using your senses, one at a time.",
        "Look around. Find 5 things you can see.",
        "Now 4 things you can feel: your feet on the floor",
        "3 things you can hear. Near or far, loud or quiet.",
        "2 things you can smell.",
        "1 thing you can taste.",
        "You did it. Take one slow breath. How are you now?",
        "I'm glad. Go gently. I'm here whenever you need me.",
        HELP);
    chat.assertEveryTapAnsweredOnce();
    assertThat(api.calls("answerCallbackQuery")).hasSize(3);
    // Each of the three paced pauses shows "typing…" while the member breathes.
    assertThat(chat.calls().stream().filter(c -> c.method().equals("sendChatAction"))).hasSize(3);
    bot.stop();
  }

  @Test
  void boxBreathing_pacesOneMessageByEditingIt_thenAsksHowTheMemberFeels(@TempDir Path content)
      throws Exception {
    // The shipped pace (four rounds of 4 s phases) takes a minute; one of 1 s phases, two rounds,
    // exercises the same steps.
    bot = RunningBot.start(api, Map.of(), quickBoxBreathing(content));
    MemberChat chat = MemberChat.privateChat(api, ANN);

    chat.send("/breathe");
    chat.awaitMessages(2);
    chat.tap("Box breathing (4-4-4-4)");
    chat.awaitMessages(4);
    List<RecordedCall> edits = chat.awaitEdits(8);
    chat.awaitMessages(5);
    chat.tap("I feel calmer");
    chat.awaitMessages(6);
    chat.send("/help");
    List<String> messages = chat.awaitMessages(7);

    assertBeginnings(
        messages,
        WELCOME,
        "Which kind of breathing would you like?",
        "Box breathing: in for 4, hold for 4, out for 4, hold for 4.",
        "Breathe in… 1  (round 1 of 2)",
        "That's all the rounds. How are you feeling?",
        "I'm glad. /breathe is here whenever you need it.",
        HELP);
    List<FakeMessage> edited =
        api.botMessages(ANN.id()).stream().filter(m -> m.edits() > 0).toList();
    assertThat(edited).hasSize(1);
    FakeMessage pace = edited.get(0);
    assertThat(edits)
        .extracting(MemberChat::visibleText)
        .containsExactly(
            "Hold… 1  (round 1 of 2)",
            "Breathe out… 1  (round 1 of 2)",
            "Hold… 1  (round 1 of 2)",
            "Breathe in… 1  (round 2 of 2)",
            "Hold… 1  (round 2 of 2)",
            "Breathe out… 1  (round 2 of 2)",
            "Hold… 1  (round 2 of 2)",
            "Hold… 1  (round 2 of 2)");
    assertThat(edits)
        .extracting(c -> c.param("message_id").orElseThrow())
        .containsOnly(Integer.toString(pace.messageId()));
    // Stop and Slower stay under the timer while it runs; the last edit takes them away.
    assertThat(edits.subList(0, 7)).allSatisfy(e -> assertThat(e.json("reply_markup")).isPresent());
    assertThat(edits.get(7).json("reply_markup")).isEmpty();
    assertThat(pace.replyMarkup()).isEmpty();
    assertThat(pace.edits()).isEqualTo(8);
    assertThat(api.count("editMessageText")).isEqualTo(8);
    chat.assertEveryTapAnsweredOnce();
    bot.stop();
  }

  @Test
  void aGroupCommand_forThisBot_isAnsweredInTheGroup_oneForAnotherBotIsNot() throws Exception {
    bot = RunningBot.start(api, Map.of());
    MemberChat group = MemberChat.inGroup(api, ANN, GROUP);

    group.send("/breathe@otherbot");
    group.send("/help@" + api.botUsername());
    // One conversation, handled in order: a reply to the first would come before the help.
    List<String> messages = group.awaitMessages(2);

    assertBeginnings(messages, WELCOME, HELP);
    assertThat(api.calls("sendMessage"))
        .extracting(RecordedCall::chatId)
        .containsOnly(Long.toString(GROUP));
    bot.stop();
  }

  /** A copy of the shipped content whose box breathing runs two rounds of 1 s phases. */
  private static Path quickBoxBreathing(Path copy) throws IOException {
    try (Stream<Path> files = Files.walk(RunningBot.CONTENT)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(RunningBot.CONTENT.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path box = copy.resolve("flows/breathe-box.yaml");
    String flow = Files.readString(box);
    String quick = flow.replace("duration: 4s", "duration: 1s").replace("rounds: 4", "rounds: 2");
    assertThat(quick).as("the shipped box breathing changed shape").isNotEqualTo(flow);
    Files.writeString(box, quick);
    return copy;
  }
}
