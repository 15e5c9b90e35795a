package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /ground: 5-4-3-2-1, one sense at a time, waiting for the member at each. */
class GroundingTest {

  private static final Duration PAUSE = Duration.ofSeconds(2);

  private final Conversation chat = Members.onboarded();

  private String done() {
    return chat.message("common.done");
  }

  /** Taps Done at every sense, letting the short pauses between them pass. */
  private void throughAllSenses() {
    chat.tap(done()).wait(PAUSE); // see
    chat.tap(done()); // touch
    chat.tap(done()).wait(PAUSE); // hear
    chat.tap(done()); // smell
    chat.tap(done()).wait(PAUSE); // taste
  }

  @Test
  void ground_asksForOneSenseOnly_withADoneButton() {
    chat.say("/ground");

    chat.expect(chat.message("ground.intro")).expect(chat.message("ground.see"));
    chat.expectNo(chat.message("ground.touch"));
    assertThat(chat.labels()).containsExactly(done());
  }

  @Test
  void ground_forANewMember_welcomesThemFirst() {
    Conversation stranger = Members.newMember();

    stranger.say("/ground");

    assertThat(stranger.texts().get(0)).isEqualTo(stranger.message("engine.welcome"));
    stranger.expect(stranger.message("ground.see"));
  }

  @Test
  void doneButton_advancesToNextSense_afterAShortPauseWithTyping() {
    chat.say("/ground");

    chat.tap(done());
    assertThat(chat.replies(ShowTyping.class)).hasSize(1);
    chat.expectNo(chat.message("ground.touch"));
    DueTimer pause = chat.pendingTimers().get(0);
    assertThat(pause.dueAt()).isEqualTo(chat.clock.instant().plus(PAUSE));

    chat.wait(Duration.ofSeconds(1));
    assertThat(chat.texts()).isEmpty();
    chat.wait(Duration.ofSeconds(1));
    chat.expect(chat.message("ground.touch"));
    assertThat(chat.labels()).containsExactly(done());
  }

  @Test
  void freeText_advancesLikeDone() {
    chat.say("/ground");

    chat.say("my desk, a lamp, the window, a mug, my phone");
    chat.wait(PAUSE);
    chat.expect(chat.message("ground.touch"));

    chat.say("the chair");
    chat.expect(chat.message("ground.hear")).expectNo(chat.message("ground.smell"));
  }

  @Test
  void eachSense_comesOnce_inOrder_thenTheEndingChoices() {
    chat.say("/ground");
    chat.expect(chat.message("ground.see"));
    chat.tap(done()).wait(PAUSE);
    chat.expect(chat.message("ground.touch"));
    chat.tap(done());
    chat.expect(chat.message("ground.hear"));
    chat.tap(done()).wait(PAUSE);
    chat.expect(chat.message("ground.smell"));
    chat.tap(done());
    chat.expect(chat.message("ground.taste"));
    chat.tap(done()).wait(PAUSE);

    chat.expect(chat.message("ground.after"));
    assertThat(chat.texts()).hasSize(1);
    assertThat(chat.labels())
        .containsExactly(
            chat.message("common.again"),
            chat.message("common.something_else"),
            chat.message("ground.ok"));
  }

  @Test
  void typingDuringThePause_movesOnAtOnce_andThePauseTimerIsDropped() {
    chat.say("/ground");
    chat.tap(done());

    chat.say("ready");

    chat.expect(chat.message("ground.touch"));
    assertThat(chat.pendingTimers()).isEmpty();
    chat.wait(Duration.ofMinutes(1));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void doneTappedTwice_theSecondTapDoesNotSkipASense() {
    chat.say("/ground");
    String seeDone = chat.latestChoices().get(0).payload();
    chat.press(seeDone);

    chat.press(seeDone);

    chat.expect(chat.message("engine.stale_button"));
    chat.wait(PAUSE);
    chat.expect(chat.message("ground.touch"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("touch");
  }

  @Test
  void again_startsOverAtTheFirstSense() {
    chat.say("/ground");
    throughAllSenses();

    chat.tap(chat.message("common.again"));

    chat.expect(chat.message("ground.see")).expectNo(chat.message("ground.intro"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("see");
  }

  @Test
  void somethingElse_opensTheMenu() {
    chat.say("/ground");
    throughAllSenses();

    chat.tap(chat.message("common.something_else"));

    chat.expect(chat.message("menu.ask"));
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("menu");
  }

  @Test
  void imOk_closesGently_andEndsTheFlow() {
    chat.say("/ground");
    throughAllSenses();

    chat.tap(chat.message("ground.ok"));

    chat.expect(chat.message("ground.close"));
    assertThat(chat.state().session().flow()).isEmpty();
    assertThat(chat.pendingTimers()).isEmpty();
  }

  @Test
  void answers_areNotSavedAnywhere() {
    chat.say("/ground");
    chat.say("five blue things");
    chat.wait(PAUSE);
    chat.say("my socks");

    assertThat(chat.state().recentJournal()).isEmpty();
  }

  @Test
  void typedIntent_imFreakingOut_offersGrounding() {
    chat.say("i'm freaking out");

    chat.expect(chat.message("ground.see"));
  }
}
