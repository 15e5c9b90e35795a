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

/** /sos works inside any flow: the card comes at once and the interrupted flow stays quiet. */
class SosInEveryFlowTest {

  static Stream<Named<InsideEveryFlow.Point>> points() {
    return InsideEveryFlow.points();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void sos_showsTheCard_andTheInterruptedFlowStaysQuiet(InsideEveryFlow.Point point) {
    Conversation chat = Members.onboarded();
    point.script().accept(chat);
    List<Choice> buttons = chat.latestChoices();

    chat.say("/sos");

    assertThat(chat.texts().get(0)).startsWith(chat.message("crisis.card.title"));
    chat.expect("116 123")
        .expect("https://findahelpline.com")
        .expect(chat.message("sos.ground.ask"));
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("sos");
    assertThat(chat.pendingTimers()).isEmpty();

    chat.wait(Duration.ofMinutes(10));
    assertThat(chat.replies()).isEmpty();

    for (Choice button : buttons) {
      chat.press(button.payload());
      assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    }
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("sos");
  }
}
