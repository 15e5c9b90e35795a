package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The crisis screen: any message signalling danger interrupts everything and offers support. */
class CrisisTest {

  private final Conversation chat = Members.onboarded();

  private void expectFullCrisisResponse() {
    chat.expect(chat.message("crisis.opening"))
        .expect(chat.message("crisis.card.title"))
        .expect("116 123")
        .expect("https://findahelpline.com")
        .expect(chat.message("crisis.safe.ask"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "i want to kill myself",
        "everyone would be better off without me",
        "I don't want to be here anymore, i want to end my life",
      })
  void dangerInFreeText_opensTheCrisisFlow_withTheMembersCountryNumbers(String text) {
    chat.say(text);

    expectFullCrisisResponse();
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("crisis");
  }

  @ParameterizedTest
  @ValueSource(strings = {"this craving is killing me", "dying to see my kids this weekend"})
  void recoveryIdioms_doNotTriggerTheCrisisFlow(String text) {
    chat.say(text);

    chat.expectNo(chat.message("crisis.opening")).expectNo(chat.message("crisis.card.title"));
    assertThat(chat.state().session().lastCrisisCardAt()).isEmpty();
  }

  @Test
  void crisisFlow_asksIfTheMemberIsSafe_withThreeAnswers() {
    chat.say("i want to kill myself");

    assertThat(chat.labels())
        .containsExactly(
            chat.message("crisis.safe.safe"),
            chat.message("crisis.safe.not_safe"),
            chat.message("crisis.safe.rather_not"));
  }

  @Test
  void notSafe_urgesCallingNow() {
    chat.say("i want to kill myself");

    chat.tap(chat.message("crisis.safe.not_safe"));

    chat.expect(chat.message("crisis.safe.not_safe_text"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void safe_and_ratherNot_endGently() {
    chat.say("i want to kill myself");
    chat.tap(chat.message("crisis.safe.safe"));
    chat.expect(chat.message("crisis.safe.safe_text"));

    chat.wait(Duration.ofHours(1));
    chat.say("everyone would be better off without me");
    chat.tap(chat.message("crisis.safe.rather_not"));
    chat.expect(chat.message("crisis.safe.rather_not_text"));
  }

  @Test
  void crisis_interruptsBreathing_andNoPacingEditArrivesAfterwards() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    String stop = chat.latestChoices().get(0).payload();
    chat.wait(Duration.ofSeconds(5));

    chat.say("i want to kill myself");

    expectFullCrisisResponse();
    assertThat(chat.pendingTimers()).isEmpty();
    chat.wait(Duration.ofMinutes(5));
    assertThat(chat.replies()).isEmpty();
    chat.press(stop);
    chat.expect(chat.message("engine.stale_button")).expectNo(chat.message("breathe.stopped"));
  }

  @Test
  void crisis_interruptsGroundingDuringItsPause() {
    chat.say("/ground");
    chat.tap(chat.message("common.done"));

    chat.say("everyone would be better off without me");

    expectFullCrisisResponse();
    chat.wait(Duration.ofMinutes(1));
    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("crisis");
  }

  @Test
  void crisis_atAGratitudeQuestion_isNotSavedAsAnAnswer() {
    chat.say("/gratitude");

    chat.say("nothing, everyone would be better off without me");

    expectFullCrisisResponse();
    assertThat(chat.state().recentJournal()).isEmpty();
  }

  @Test
  void crisis_inCommandArguments_isCaughtToo() {
    chat.say("/ground i want to kill myself");

    expectFullCrisisResponse();
    chat.expectNo(chat.message("ground.see"));
  }

  @Test
  void secondHitWithinTenMinutes_getsTheShortReminder_notTheWholeCardAgain() {
    chat.say("i want to kill myself");
    chat.wait(Duration.ofMinutes(9));

    chat.say("i really want to kill myself");

    chat.expect(chat.message("crisis.repeat"));
    chat.expectNo(chat.message("crisis.card.title")).expectNo(chat.message("crisis.opening"));
    assertThat(chat.texts()).hasSize(1);
  }

  @Test
  void repeatWhileAskedIfSafe_keepsTheSafetyQuestionsButtonsWorking() {
    chat.say("i want to kill myself");
    String notSafe = chat.latestChoices().get(1).payload();

    chat.say("i really want to kill myself");
    chat.expect(chat.message("crisis.repeat"));
    chat.press(notSafe);

    chat.expect(chat.message("crisis.safe.not_safe_text"));
    chat.expectNo(chat.message("engine.stale_button"));
  }

  @Test
  void repeatDuringAnotherFlow_stillInterruptsIt() {
    chat.say("i want to kill myself");
    chat.tap(chat.message("crisis.safe.safe"));
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));

    chat.say("i want to kill myself");

    chat.expect(chat.message("crisis.repeat"));
    assertThat(chat.state().session().flow()).isEmpty();
    chat.wait(Duration.ofMinutes(2));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void hitAfterTenMinutes_getsTheWholeCardAgain() {
    chat.say("i want to kill myself");
    chat.wait(Duration.ofMinutes(11));

    chat.say("everyone would be better off without me");

    expectFullCrisisResponse();
  }

  @Test
  void sosCard_countsAsRecent_soAHitRightAfterGetsTheReminder() {
    chat.say("/sos");

    chat.say("i want to kill myself");

    chat.expect(chat.message("crisis.repeat"));
  }

  @Test
  void crisis_forAMemberWithoutCountry_stillShowsTheInternationalDirectory() {
    Conversation stranger = Members.newMember();

    stranger.say("i want to kill myself");

    stranger
        .expect(stranger.message("crisis.opening"))
        .expect(stranger.message("crisis.card.no_country"))
        .expect("https://findahelpline.com");
  }

  @Test
  void crisis_forANewMember_comesBeforeAnyWelcome() {
    Conversation stranger = Members.newMember();

    stranger.say("everyone would be better off without me");

    assertThat(stranger.texts().get(0)).isEqualTo(stranger.message("crisis.opening"));
    stranger.expectNo(stranger.message("engine.welcome"));
  }
}
