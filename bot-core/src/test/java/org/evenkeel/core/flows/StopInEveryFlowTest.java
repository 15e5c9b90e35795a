package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** /stop leaves any flow at once: nothing further happens, whatever timers were pending. */
class StopInEveryFlowTest {

  static Stream<Named<InsideEveryFlow.Point>> points() {
    return InsideEveryFlow.points();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void stop_leavesTheFlow_andNothingFurtherHappens(InsideEveryFlow.Point point) {
    Conversation chat = Members.onboarded();
    point.script().accept(chat);
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo(point.flowId());
    List<Choice> buttons = chat.latestChoices();

    chat.say("/stop");

    assertThat(chat.texts()).containsExactly(chat.message("engine.stopped"));
    assertThat(chat.state().session().flow()).isEmpty();
    assertThat(chat.pendingTimers()).isEmpty();

    chat.wait(Duration.ofMinutes(10));
    assertThat(chat.replies()).isEmpty();

    for (Choice button : buttons) {
      chat.press(button.payload());
      assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    }
    assertThat(chat.state().session().flow()).isEmpty();

    chat.say("/stop");
    chat.expect(chat.message("engine.nothing_to_stop"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void stop_keepsWhatWasAlreadySaved(InsideEveryFlow.Point point) {
    Conversation chat = Members.onboarded();
    chat.say("good day today 4/5");
    point.script().accept(chat);
    var journal = chat.state().recentJournal();
    var profile = chat.state().profile();

    chat.say("/stop");

    assertThat(chat.state().recentJournal()).isEqualTo(journal).isNotEmpty();
    assertThat(chat.state().profile()).isEqualTo(profile);
  }
}
