package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** What members type instead of tapping or using a command. */
class TypedShortcutsTest {

  @Test
  void typedStop_inGratitude_leavesTheFlow_andIsNotSavedAsAGoodThing() {
    Conversation chat = Members.newMember().say("/gratitude").say("stop");

    chat.expect(chat.message("engine.stopped"));
    assertThat(chat.state().session().flow()).isEmpty();
    assertThat(chat.state().recentJournal()).isEmpty();
  }

  @Test
  void typedNeverMind_duringGroundingPause_leavesTheFlow_andNoTimerFiresLater() {
    Conversation chat = Members.newMember().say("/ground");
    chat.tap(chat.message("common.done")).say("never mind");

    chat.expect(chat.message("engine.stopped"));
    chat.wait(Duration.ofMinutes(5));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void typedStop_whilePacing_stillEndsTheExerciseItsOwnWay() {
    Conversation chat = Members.newMember().say("/breathe");
    chat.tap(chat.message("breathe.box.label")).say("stop");

    chat.expect(chat.message("breathe.stopped"));
  }

  @Test
  void lowMoodTypedOutsideAFlow_isLogged_andGetsAGentleOffer() {
    Conversation chat = Members.newMember().say("2/5");

    assertThat(chat.state().recentJournal())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(JournalEntry.Kind.MOOD);
              assertThat(e.mood()).contains(2);
            });
    chat.expect("/ground").expect("/sos");
  }

  @Test
  void goodMoodTypedWithWords_isLogged_withoutStartingAnExercise() {
    Conversation chat = Members.newMember().say("log 4/5 today");

    assertThat(chat.state().recentJournal())
        .extracting(e -> e.mood().orElseThrow())
        .containsExactly(4);
    assertThat(chat.state().session().flow()).isEmpty();
    chat.expect("Logged 4/5");
  }

  @Test
  void typedNo_toAreYouSafe_isTakenAsNotSafe() {
    Conversation chat = Members.newMember().say("i want to kill myself").say("no");

    chat.expect(chat.message("crisis.safe.not_safe_text").substring(0, 40));
  }

  @Test
  void typedYes_toAreYouSafe_isTakenAsSafe() {
    Conversation chat =
        Members.newMember().say("everyone would be better off without me").say("Yes.");

    chat.expect(chat.message("crisis.safe.safe_text").substring(0, 30));
  }

  @Test
  void checkinWithAMood_logsItAtOnce_withoutAsking() {
    Conversation chat = Members.onboarded().say("/checkin 2");

    chat.expect("Logged 2/5");
    assertThat(chat.state().recentJournal())
        .singleElement()
        .satisfies(e -> assertThat(e.text()).isEmpty());
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void checkinWithSomethingElse_asksAsUsual() {
    Conversation chat = Members.onboarded().say("/checkin soon");

    assertThat(chat.state().session().flow()).isPresent();
  }
}
