package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /checkin: a 1-5 mood, an optional note, kindness when it is low; /mood shows the history. */
class CheckinTest {

  private final Conversation chat = Members.onboarded();

  private List<JournalEntry> journal() {
    return chat.state().recentJournal();
  }

  private JournalEntry onlyEntry() {
    assertThat(journal()).hasSize(1);
    return journal().get(0);
  }

  private void checkIn(String mood) {
    chat.say("/checkin");
    chat.tap(mood);
    chat.tap(chat.message("checkin.note.none"));
  }

  @Test
  void checkin_offersFiveButtons_withWordsAtBothEnds() {
    chat.say("/checkin");

    chat.expect(chat.message("checkin.ask"));
    assertThat(chat.labels())
        .containsExactly(
            "1 · " + chat.message("checkin.scale.min"),
            "2",
            "3",
            "4",
            "5 · " + chat.message("checkin.scale.max"));
  }

  @Test
  void moodButton_thenNoNote_savesTheMood() {
    chat.say("/checkin");
    chat.tap("4");
    chat.expect(chat.message("checkin.note.ask"));

    chat.tap(chat.message("checkin.note.none"));

    chat.expect(chat.message("checkin.close"));
    JournalEntry entry = onlyEntry();
    assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.MOOD);
    assertThat(entry.mood()).contains(4);
    assertThat(entry.text()).isEmpty();
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void moodTypedAsANumber_countsLikeTheButton() {
    chat.say("/checkin");
    chat.say("4");
    chat.tap(chat.message("checkin.note.none"));

    assertThat(onlyEntry().mood()).contains(4);
  }

  @Test
  void moodTypedAsOutOfFive_countsLikeTheButton() {
    chat.say("/checkin");
    chat.say("4/5");
    chat.tap(chat.message("checkin.note.none"));

    assertThat(onlyEntry().mood()).contains(4);
  }

  @Test
  void moodOutOfRange_isAskedAgain_withTheButtons() {
    chat.say("/checkin");

    chat.say("7");

    chat.expect("Pick a number from 1 to 5");
    assertThat(chat.labels()).hasSize(5);
    assertThat(journal()).isEmpty();
    chat.say("3");
    chat.expect(chat.message("checkin.note.ask"));
  }

  @Test
  void note_isSavedWithTheMood() {
    chat.say("/checkin");
    chat.tap("3");
    chat.tap(chat.message("checkin.note.add"));
    chat.expect(chat.message("checkin.note.prompt"));

    chat.say("slept badly but went to my meeting");

    chat.expect(chat.message("checkin.close"));
    JournalEntry entry = onlyEntry();
    assertThat(entry.mood()).contains(3);
    assertThat(entry.text()).isEqualTo("slept badly but went to my meeting");
  }

  @Test
  void noteSkipped_savesTheMoodAlone() {
    chat.say("/checkin");
    chat.tap("5 · " + chat.message("checkin.scale.max"));
    chat.tap(chat.message("checkin.note.add"));

    chat.tap(chat.message("common.skip"));

    assertThat(onlyEntry().mood()).contains(5);
    assertThat(onlyEntry().text()).isEmpty();
  }

  @Test
  void noteTypedAsSkip_isNotSavedAsTheNote() {
    chat.say("/checkin");
    chat.tap("4");
    chat.tap(chat.message("checkin.note.add"));

    chat.say("skip");

    chat.expect(chat.message("checkin.close"));
    assertThat(onlyEntry().text()).isEmpty();
  }

  @Test
  void lowMood_offersGroundingBreathingOrSomeone_andIsStillSaved() {
    chat.say("/checkin");
    chat.tap("2");
    chat.tap(chat.message("checkin.note.none"));

    chat.expect(chat.message("checkin.low.ask")).expectNo(chat.message("checkin.close"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("checkin.low.grounding"),
            chat.message("checkin.low.breathing"),
            chat.message("checkin.low.reach_out"),
            chat.message("checkin.low.just_log"));
    assertThat(onlyEntry().mood()).contains(2);
  }

  @Test
  void lowestMood_offersTheSameHelp() {
    checkIn("1 · " + chat.message("checkin.scale.min"));

    chat.expect(chat.message("checkin.low.ask"));
  }

  @Test
  void mood3_isNotTreatedAsLow() {
    checkIn("3");

    chat.expect(chat.message("checkin.close")).expectNo(chat.message("checkin.low.ask"));
  }

  @Test
  void lowMood_grounding_startsGrounding() {
    checkIn("2");

    chat.tap(chat.message("checkin.low.grounding"));

    chat.expect(chat.message("ground.see"));
  }

  @Test
  void lowMood_breathing_offersBreathing() {
    checkIn("1 · " + chat.message("checkin.scale.min"));

    chat.tap(chat.message("checkin.low.breathing"));

    chat.expect(chat.message("breathe.ask"));
  }

  @Test
  void lowMood_reachOut_suggestsSomeone_andMentionsSos() {
    checkIn("2");

    chat.tap(chat.message("checkin.low.reach_out"));

    chat.expect(chat.message("checkin.low.reach_out_text")).expect("/sos");
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void lowMood_justLog_logsWithoutMore() {
    checkIn("2");

    chat.tap(chat.message("checkin.low.just_log"));

    chat.expect(chat.message("checkin.low.logged"));
    assertThat(journal()).hasSize(1);
  }

  @Test
  void typedOutOfFive_outsideAFlow_logsTheMoodAtOnce() {
    chat.say("good day today 4/5");

    chat.expect("Logged 4/5");
    assertThat(onlyEntry().mood()).contains(4);
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void mood_withoutPictures_showsASparklineOfTheLastWeek() {
    checkIn("4");
    chat.wait(Duration.ofDays(1));
    checkIn("2");
    chat.tap(chat.message("checkin.low.just_log"));

    chat.say("/mood");

    chat.expect(chat.message("mood.header").replace("{days}", "7"))
        .expect("·····▆▂")
        .expect("Average 3.0, from 2 check-ins");
  }

  @Test
  void mood_sameDayTwice_showsTheLatest() {
    checkIn("5 · " + chat.message("checkin.scale.max"));
    checkIn("3");

    chat.say("/mood");

    chat.expect("······▄").expect("from 1 check-ins");
  }

  @Test
  void mood_olderThanAMonth_isLeftOut() {
    checkIn("1 · " + chat.message("checkin.scale.min"));
    chat.tap(chat.message("checkin.low.just_log"));
    chat.wait(Duration.ofDays(31));

    chat.say("/mood 30");

    chat.expect(chat.message("mood.empty"));
  }

  @Test
  void mood_whenNothingLogged_suggestsACheckin() {
    chat.say("/mood");

    chat.expect(chat.message("mood.empty"));
    assertThat(chat.texts()).noneMatch(t -> t.contains("▁") || t.contains("Average"));
  }

  @Test
  void moodEntries_doNotShowUpAsEmptyJournalLines() {
    checkIn("4");

    chat.say("/journal");

    chat.expect(chat.message("journal.empty"));
    assertThat(onlyEntry().mood()).isEqualTo(Optional.of(4));
  }
}
