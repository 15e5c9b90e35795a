package org.evenkeel.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.evenkeel.bench.RealContent;
import org.junit.jupiter.api.Test;

/** The script follows content/flows/ground.yaml as the engine runs it. */
class GroundingScriptTest {

  private final GroundingScript script = GroundingScript.of(RealContent.load(), "ground", "en");

  @Test
  void aRound_isTheCommand_fiveTextAnswers_andTheButtonThatEndsIt() {
    List<GroundingScript.Action> actions =
        script.moves().stream().map(GroundingScript.Move::action).toList();

    assertThat(actions).hasSize(7);
    assertThat(actions.get(0)).isEqualTo(new GroundingScript.Action.Command("ground"));
    assertThat(actions.subList(1, 6)).containsOnly(new GroundingScript.Action.Text());
    // after: again, something else, I'm OK; only "ok" ends the flow
    assertThat(actions.get(6)).isEqualTo(new GroundingScript.Action.Tap(2));
  }

  @Test
  void theBreathingPauses_comeBeforeTouchSmellAndTheLastQuestion() {
    assertThat(script.moves().stream().map(GroundingScript.Move::pause).toList())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(2),
            Duration.ZERO,
            Duration.ofSeconds(2),
            Duration.ZERO,
            Duration.ofSeconds(2),
            Duration.ZERO);
    assertThat(script.moves().get(1).typing()).isTrue();
  }

  @Test
  void replies_areTheVisibleTexts_withoutMarkup() {
    assertThat(script.moves().get(0).replies())
        .containsExactly(
            "Let's slow things down using your senses, one at a time. Type what you notice, or"
                + " just tap Done when you're ready.",
            "Look around. Find 5 things you can see.");
    assertThat(script.welcome()).startsWith("Hi, I'm Evenkeel");
  }
}
