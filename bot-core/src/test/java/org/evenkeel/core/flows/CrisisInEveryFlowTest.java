package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Danger in free text interrupts whatever flow is running, with its timers, wherever it is. */
class CrisisInEveryFlowTest {

  /** Every point but those that just showed the card (they get the short reminder instead). */
  static Stream<Named<InsideEveryFlow.Point>> points() {
    return InsideEveryFlow.points()
        .filter(p -> !Set.of("sos", "crisis").contains(p.getPayload().flowId()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void crisisText_interruptsTheFlow_andItsTimersNeverFire(InsideEveryFlow.Point point) {
    Conversation chat = Members.onboarded();
    point.script().accept(chat);
    List<Choice> buttons = chat.latestChoices();

    chat.say("everyone would be better off without me");

    assertThat(chat.texts().get(0)).isEqualTo(chat.message("crisis.opening"));
    chat.expect("116 123").expect(chat.message("crisis.safe.ask"));
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("crisis");
    assertThat(chat.pendingTimers()).isEmpty();

    chat.wait(Duration.ofMinutes(10));
    assertThat(chat.replies()).isEmpty();

    for (Choice button : buttons) {
      chat.press(button.payload());
      assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    }
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("safe_now");
  }
}
