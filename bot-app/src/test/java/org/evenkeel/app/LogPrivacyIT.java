package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every line the whole bot logs during a member's conversation on Telegram, with Evenkeel's own
 * loggers at DEBUG: none holds what the member wrote, the bot token or the member's Telegram id.
 * The conversation goes through the paths that log most: a crisis message, a check-in with a note,
 * a message too long to read, a failed send retried, the member blocking the bot, and a stop.
 */
class LogPrivacyIT {

  private static final FakeUser MEMBER = FakeUser.of(770_099_881);
  private static final List<String> SECRET_WORDS =
      List.of("zanzibar", "quixotic", "better off without me", "770099881");

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger evenkeel = (Logger) LoggerFactory.getLogger("org.evenkeel");
  private Level evenkeelLevel;
  private FakeBotApi api;
  private RunningBot bot;

  @BeforeEach
  void capture() {
    captured.start();
    root.addAppender(captured);
    evenkeelLevel = evenkeel.getLevel();
    evenkeel.setLevel(Level.DEBUG);
    api = FakeBotApi.start();
    bot = RunningBot.start(api, Map.of());
  }

  @AfterEach
  void release() throws Exception {
    bot.close();
    api.close();
    root.detachAppender(captured);
    evenkeel.setLevel(evenkeelLevel);
  }

  @Test
  void aWholeConversation_leavesNoMemberTextTokenOrIdInTheLogs() throws Exception {
    MemberChat chat = MemberChat.privateChat(api, MEMBER);
    chat.send("hello, the zanzibar thing again");
    chat.awaitMessages(2);
    chat.send("honestly everyone would be better off without me");
    chat.awaitMessages(5); // warm words, the crisis card, "are you safe right now?"
    chat.send("/checkin");
    chat.awaitMessages(6);
    chat.tap("4");
    chat.awaitMessages(7);
    chat.tap("Add a note");
    chat.awaitMessages(8);
    api.failNext("sendMessage", 1, Failure.serverError(502)); // retried, logged
    chat.send("a quixotic day, all told");
    chat.awaitMessages(9);
    chat.send("zanzibar ".repeat(600)); // too long to read: declined politely
    chat.awaitMessages(10);
    api.failNext("sendMessage", 1, Failure.botBlocked());
    chat.send("zanzibar once more");
    api.awaitCalls("sendMessage", 12); // ten sent, the 502 that was retried, the refused one
    bot.stop();

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : captured.list) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getClassName() + ": " + t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          lines.add(frame.getSTEAsString());
        }
      }
    }
    assertThat(captured.list).as("the run logged something to check").hasSizeGreaterThan(5);
    for (String line : lines) {
      assertThat(line).doesNotContain(api.token());
      assertThat(line).doesNotContain(api.token().substring(api.token().indexOf(':') + 1));
      for (String word : SECRET_WORDS) {
        assertThat(line).as("a log line").doesNotContainIgnoringCase(word);
      }
    }
  }
}
