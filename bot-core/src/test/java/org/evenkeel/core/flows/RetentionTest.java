package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * A retention period of 90 days with a 14-day warning: a silent member is told on day 76 and their
 * data goes on day 90; a member who writes in between keeps everything; with no period (the
 * default) nothing is tracked and nothing goes.
 */
class RetentionTest {

  private static final EngineSettings NINETY_DAYS =
      EngineSettings.DEFAULTS.withRetention(
          new EngineSettings.Retention(Duration.ofDays(90), Duration.ofDays(14)));

  private long count(Conversation chat, String key) {
    String first = chat.message(key);
    String start =
        first.substring(0, Math.min(40, first.indexOf('{') < 0 ? 40 : first.indexOf('{')));
    return chat.transcript().stream()
        .filter(e -> e instanceof SendMessage m && m.text().plainText().startsWith(start))
        .count();
  }

  @Test
  void aSilentMember_isWarnedFourteenDaysAhead_thenTheirDataIsDeleted() {
    Conversation chat = Conversation.withRealContent(NINETY_DAYS);
    chat.say("/gratitude");
    chat.say("the sea");
    assertThat(chat.state().profile().lastActive()).contains(LocalDate.parse("2026-03-02"));

    chat.wait(Duration.ofDays(75));
    assertThat(count(chat, "retention.warning")).isZero();
    chat.wait(Duration.ofDays(2)); // day 77: the warning came on day 76

    assertThat(count(chat, "retention.warning")).isEqualTo(1);
    chat.expectNo("delete everything"); // not yet
    assertThat(chat.state().recentJournal()).isNotEmpty();

    chat.wait(Duration.ofDays(14));

    assertThat(count(chat, "retention.deleted")).isEqualTo(1);
    assertThat(chat.state().knownMember()).isFalse();
    assertThat(chat.state().recentJournal()).isEmpty();
    assertThat(chat.allTimers()).isEmpty();
  }

  @Test
  void aMemberWhoWritesAfterTheWarning_keepsEverything_andTheClockStartsAgain() {
    Conversation chat = Conversation.withRealContent(NINETY_DAYS);
    chat.say("/gratitude");
    chat.say("the sea");
    chat.wait(Duration.ofDays(80)); // warned on day 76

    chat.say("still here");

    chat.wait(Duration.ofDays(20)); // past day 90 of the first silence
    assertThat(count(chat, "retention.deleted")).isZero();
    assertThat(chat.state().recentJournal()).isNotEmpty();
    assertThat(chat.state().profile().lastActive()).contains(LocalDate.parse("2026-05-21"));
  }

  @Test
  void withoutAPeriod_nothingIsTracked_andNothingGoes() {
    Conversation chat = Conversation.withRealContent();
    chat.say("/gratitude");
    chat.say("the sea");

    chat.wait(Duration.ofDays(400));

    assertThat(chat.state().profile().lastActive()).isEmpty();
    assertThat(chat.state().recentJournal()).isNotEmpty();
    assertThat(count(chat, "retention.warning")).isZero();
  }

  @Test
  void aWarningLongerThanThePeriod_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new EngineSettings.Retention(Duration.ofDays(10), Duration.ofDays(14)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must come before the data goes");
  }
}
