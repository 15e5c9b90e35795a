package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /breathe: box and 4-7-8 breathing, paced by editing one message on a timer. */
class BreathingTest {

  private final Conversation chat = Members.onboarded();

  private void startBox() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
  }

  private void start478() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.four_seven_eight.label"));
  }

  private Instant nextTimer() {
    List<DueTimer> timers = chat.pendingTimers();
    assertThat(timers).hasSize(1);
    return timers.get(0).dueAt();
  }

  private String onlyEdit() {
    List<EditMessage> edits = chat.replies(EditMessage.class);
    assertThat(edits).hasSize(1);
    assertThat(chat.replies(SendMessage.class)).isEmpty();
    return edits.get(0).text().plainText();
  }

  @Test
  void breathe_offersTwoPatternsAndNotNow() {
    chat.say("/breathe");

    chat.expect(chat.message("breathe.ask"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("breathe.box.label"),
            chat.message("breathe.four_seven_eight.label"),
            chat.message("common.not_now"));
  }

  @Test
  void notNow_endsKindly() {
    chat.say("/breathe");
    chat.tap(chat.message("common.not_now"));

    chat.expect(chat.message("breathe.not_now"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void box_sendsOnePacingMessage_withStopAndSlower_andATimerForTheFirstPhase() {
    Instant tapped = chat.clock.instant();
    startBox();

    chat.expect(chat.message("breathe.box.intro"));
    SendMessage pacing = chat.replies(SendMessage.class).get(1);
    assertThat(pacing.ref()).isPresent();
    assertThat(pacing.text().plainText()).contains("Breathe in… 4").contains("round 1 of 4");
    assertThat(chat.labels())
        .containsExactly(chat.message("common.stop"), chat.message("common.slower"));
    assertThat(nextTimer()).isEqualTo(tapped.plusSeconds(4));
  }

  @Test
  void box_editsTheSameMessage_whenEachPhaseIsDue() {
    startBox();
    String ref = chat.replies(SendMessage.class).get(1).ref().orElseThrow();

    chat.wait(Duration.ofSeconds(3));
    assertThat(chat.replies()).isEmpty();

    chat.wait(Duration.ofSeconds(1));
    assertThat(onlyEdit()).contains("Hold… 4").contains("round 1 of 4");
    assertThat(chat.replies(EditMessage.class).get(0).ref()).isEqualTo(ref);
    assertThat(chat.labels())
        .containsExactly(chat.message("common.stop"), chat.message("common.slower"));

    chat.wait(Duration.ofSeconds(4));
    assertThat(onlyEdit()).contains("Breathe out… 4");
    chat.wait(Duration.ofSeconds(4));
    assertThat(onlyEdit()).contains("Hold… 4").contains("round 1 of 4");
  }

  @Test
  void box_roundCounter_advancesAfterFourPhases() {
    startBox();

    chat.wait(Duration.ofSeconds(16));

    List<EditMessage> edits = chat.replies(EditMessage.class);
    assertThat(edits).hasSize(4);
    assertThat(edits.get(3).text().plainText()).contains("Breathe in… 4").contains("round 2 of 4");
  }

  @Test
  void box_allRounds_takeAMinute_thenTheAfterChoice() {
    Instant started = chat.clock.instant();
    startBox();

    chat.waitForPacing();

    assertThat(chat.clock.instant()).isEqualTo(started.plusSeconds(64));
    List<EditMessage> edits = chat.replies(EditMessage.class);
    assertThat(edits).hasSize(16);
    assertThat(edits.get(14).text().plainText()).contains("round 4 of 4");
    EditMessage last = edits.get(15);
    assertThat(last.choices()).as("the finished exercise keeps no buttons").isEmpty();
    assertThat(last.text().plainText()).contains("round 4 of 4").doesNotContain("round 5");
    chat.expect(chat.message("breathe.after"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("common.again"),
            chat.message("common.something_else"),
            chat.message("breathe.calmer"));
    assertThat(chat.pendingTimers()).isEmpty();
  }

  @Test
  void fourSevenEight_pacesInFourHoldSevenOutEight() {
    Instant started = chat.clock.instant();
    start478();
    chat.expect(chat.message("breathe.four_seven_eight.intro")).expect("Breathe in… 4");

    chat.wait(Duration.ofSeconds(4));
    assertThat(onlyEdit()).contains("Hold… 7");
    assertThat(nextTimer()).isEqualTo(started.plusSeconds(11));

    chat.wait(Duration.ofSeconds(7));
    assertThat(onlyEdit()).contains("Breathe out… 8");
    assertThat(nextTimer()).isEqualTo(started.plusSeconds(19));

    chat.wait(Duration.ofSeconds(8));
    assertThat(onlyEdit()).contains("Breathe in… 4").contains("round 2 of 4");
  }

  @Test
  void fourSevenEight_allRounds_thenTheAfterChoice() {
    Instant started = chat.clock.instant();
    start478();

    chat.waitForPacing();

    assertThat(chat.clock.instant()).isEqualTo(started.plusSeconds(76));
    assertThat(chat.replies(EditMessage.class)).hasSize(12);
    chat.expect(chat.message("breathe.after"));
  }

  @Test
  void slower_restartsThePhaseLonger_andLaterPhasesStayLonger() {
    startBox();
    chat.wait(Duration.ofSeconds(2));

    chat.tap(chat.message("common.slower"));

    assertThat(onlyEdit()).contains("Breathe in… 6").contains("round 1 of 4");
    assertThat(nextTimer()).isEqualTo(chat.clock.instant().plusSeconds(6));
    chat.wait(Duration.ofSeconds(5));
    assertThat(chat.replies()).isEmpty();
    chat.wait(Duration.ofSeconds(1));
    assertThat(onlyEdit()).contains("Hold… 6");
    assertThat(nextTimer()).isEqualTo(chat.clock.instant().plusSeconds(6));
  }

  @Test
  void slowerTwice_slowsFurther() {
    startBox();

    chat.tap(chat.message("common.slower"));
    chat.tap(chat.message("common.slower"));

    assertThat(onlyEdit()).contains("Breathe in… 9");
    assertThat(nextTimer()).isEqualTo(chat.clock.instant().plusSeconds(9));
  }

  @Test
  void slower_stopsAtFourTimesThePace() {
    startBox();

    for (int i = 0; i < 6; i++) {
      chat.tap(chat.message("common.slower"));
    }

    assertThat(onlyEdit()).contains("Breathe in… 16");
    assertThat(nextTimer()).isEqualTo(chat.clock.instant().plusSeconds(16));
  }

  @Test
  void slowerTyped_slowsLikeTheButton() {
    startBox();

    chat.say("slower");

    assertThat(onlyEdit()).contains("Breathe in… 6");
  }

  @Test
  void stop_endsWithTheStopMessage_andNoFurtherEditsEver() {
    startBox();
    chat.wait(Duration.ofSeconds(5));

    chat.tap(chat.message("common.stop"));

    chat.expect(chat.message("breathe.stopped"));
    EditMessage frozen = chat.replies(EditMessage.class).get(0);
    assertThat(frozen.choices()).as("Stop and Slower are gone").isEmpty();
    assertThat(chat.pendingTimers()).isEmpty();
    assertThat(chat.state().session().flow()).isEmpty();

    chat.wait(Duration.ofMinutes(5));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void stopTyped_stopsLikeTheButton() {
    startBox();

    chat.say("stop");

    chat.expect(chat.message("breathe.stopped"));
    chat.wait(Duration.ofMinutes(5));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void stopTypedWithPunctuationOrCapitals_stopsToo() {
    startBox();

    chat.say("STOP!");

    chat.expect(chat.message("breathe.stopped"));
    assertThat(chat.pendingTimers()).isEmpty();
  }

  @Test
  void otherTextWhilePacing_getsPaceBusy_andThePaceGoesOnUnchanged() {
    startBox();
    Instant due = nextTimer();

    chat.say("this is hard");

    chat.expect("I'm still pacing the breathing");
    assertThat(chat.replies(EditMessage.class)).isEmpty();
    assertThat(nextTimer()).isEqualTo(due);
    chat.wait(Duration.ofSeconds(4));
    assertThat(onlyEdit()).contains("Hold… 4");
  }

  @Test
  void stopButton_afterTheExerciseFinished_isStale() {
    startBox();
    String stop = chat.latestChoices().get(0).payload();
    chat.waitForPacing();

    chat.press(stop);

    chat.expect(chat.message("engine.stale_button")).expectNo(chat.message("breathe.stopped"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("after");
  }

  @Test
  void again_pacesAFreshRound_inANewMessage() {
    startBox();
    String firstRef =
        chat.transcript().stream()
            .filter(e -> e instanceof SendMessage m && m.ref().isPresent())
            .map(e -> ((SendMessage) e).ref().orElseThrow())
            .findFirst()
            .orElseThrow();
    chat.waitForPacing();

    chat.tap(chat.message("common.again"));

    SendMessage pacing = chat.replies(SendMessage.class).get(0);
    assertThat(pacing.text().plainText()).contains("Breathe in… 4").contains("round 1 of 4");
    assertThat(pacing.ref()).isPresent().isNotEqualTo(java.util.Optional.of(firstRef));
    assertThat(chat.pendingTimers()).hasSize(1);
  }

  @Test
  void calmer_closesGently() {
    start478();
    chat.waitForPacing();

    chat.tap(chat.message("breathe.calmer"));

    chat.expect(chat.message("breathe.close"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void somethingElse_opensTheMenu() {
    startBox();
    chat.waitForPacing();

    chat.tap(chat.message("common.something_else"));

    chat.expect(chat.message("menu.ask"));
  }
}
