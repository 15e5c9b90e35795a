package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Empty, huge, unusual and forged input: a polite answer, and nothing saved or skipped by it. */
class BadInputTest {

  private final Conversation chat = Members.onboarded();

  /** What must not change: the member's place in the flow, their settings and their journal. */
  private record Kept(Optional<FlowPosition> flow, Profile profile, List<JournalEntry> journal) {
    static Kept of(MemberSnapshot s) {
      return new Kept(s.session().flow(), s.profile(), s.recentJournal());
    }
  }

  private Kept kept() {
    return Kept.of(chat.state());
  }

  private String stepId() {
    return chat.state().session().flow().orElseThrow().stepId();
  }

  // ---- empty ----

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", " \n\t ", "\u200B", "\u200B\u200C\u200D\uFEFF", "\u200F \u2060"})
  void emptyOrInvisibleText_atAQuestion_isNotTakenAsAnAnswer(String text) {
    chat.say("/gratitude");
    Kept before = kept();

    chat.say(text);

    assertThat(chat.texts()).containsExactly(chat.message("engine.empty"));
    assertThat(kept()).isEqualTo(before);
  }

  @Test
  void emptyText_outsideAFlow_saysNothingCameThrough() {
    chat.say("  ");

    assertThat(chat.texts()).containsExactly(chat.message("engine.empty"));
  }

  // ---- too long ----

  @Test
  void tenThousandCharacters_areDeclinedPolitely_andNothingIsSaved() {
    chat.say("/gratitude");
    Kept before = kept();

    chat.say("so many good things ".repeat(500));

    assertThat(chat.texts()).hasSize(1);
    chat.expect("more than I can read at once (4,000 characters)");
    assertThat(kept()).isEqualTo(before);
    assertThat(stepId()).isEqualTo("thing1");
  }

  @Test
  void tenThousandCharacters_withACrisisPhrase_stillOpenTheCrisisFlow() {
    chat.say("/gratitude");
    String padding = "today was long and i kept thinking about it. ".repeat(110);

    chat.say(padding + "everyone would be better off without me. " + padding);

    chat.expect(chat.message("crisis.opening")).expect("116 123");
    chat.expectNo("more than I can read");
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo("crisis");
    assertThat(chat.state().recentJournal()).isEmpty();
  }

  @Test
  void justOverTheLimit_isDeclined_justUnder_isSaved() {
    chat.say("/gratitude");

    chat.say("a".repeat(4001));
    chat.expect("more than I can read");

    chat.say("b".repeat(4000));
    assertThat(chat.state().recentJournal())
        .extracting(JournalEntry::text)
        .containsExactly("b".repeat(4000));
  }

  // ---- emoji, right-to-left, invisible characters ----

  @ParameterizedTest
  @ValueSource(strings = {"🌞☕🙏", "عائلتي وأصدقائي", "המשפחה שלי", "👨‍👩‍👧 my family"})
  void emojiAndRightToLeftAnswers_areSavedAsWritten_andShownInTheJournal(String answer) {
    chat.say("/gratitude");

    chat.say(answer);

    chat.expect(chat.message("gratitude.thing2"));
    assertThat(chat.state().recentJournal()).extracting(JournalEntry::text).containsExactly(answer);
    chat.say("/journal");
    chat.expect(answer);
  }

  @Test
  void answerWithAZeroWidthSpace_counts() {
    chat.say("/gratitude");

    chat.say("tea\u200B");

    chat.expect(chat.message("gratitude.thing2"));
    assertThat(chat.state().recentJournal())
        .extracting(JournalEntry::text)
        .singleElement()
        .asString()
        .startsWith("tea");
  }

  @Test
  void zoneCountryAndTime_withInvisibleDirectionMarks_areStillUnderstood() {
    chat.say("/settings");
    chat.tap(chat.message("settings.zone"));
    chat.say("\u200Fber\u200Blin\u200E");
    assertThat(chat.state().profile().zone()).contains(ZoneId.of("Europe/Berlin"));

    chat.say("/settings");
    chat.tap(chat.message("settings.country"));
    chat.tap(chat.message("setup.country.other"));
    chat.say("\u200EDE\u200F");
    assertThat(chat.state().profile().country()).contains("DE");

    chat.say("/settings");
    chat.tap(chat.message("settings.time"));
    chat.tap(chat.message("setup.time.other"));
    chat.say("\u200F9pm\u200B");
    assertThat(chat.state().profile().checkinTime()).contains(LocalTime.of(21, 0));
  }

  @Test
  void moodWithAnInvisibleMark_counts() {
    chat.say("/checkin");

    chat.say("\u200F4");

    chat.expect(chat.message("checkin.note.ask"));
  }

  @Test
  void emojiOnlyText_outsideAFlow_getsTheFallback() {
    chat.say("🙂");

    chat.expect(chat.message("engine.fallback"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ground 🙏", "/ground שלום", "/ground مرحبا", "/ground \u200B"})
  void commandWithEmojiOrRightToLeftArguments_stillRuns(String line) {
    chat.say(line);

    chat.expect(chat.message("ground.see"));
  }

  @Test
  void commandWithAnInvisibleCharacter_stillRuns() {
    chat.say("/ground\u200B");

    chat.expect(chat.message("ground.see"));
  }

  @Test
  void unknownRightToLeftCommand_isNamedBack() {
    chat.say("/مساعدة");

    chat.expect("I don't know the command /مساعدة");
  }

  // ---- buttons that do not belong to the current step ----

  @Test
  void buttonFromAnEarlierStep_isStale_andChangesNothing() {
    chat.say("/start");
    String agree = chat.latestChoices().get(0).payload();
    chat.tap(chat.message("start.consent.agree"));
    Kept before = kept();

    chat.press(agree);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(kept()).isEqualTo(before);
    assertThat(stepId()).isEqualTo("country");
  }

  @Test
  void buttonFromAnEarlierRunOfTheSameFlow_isStale() {
    chat.say("/checkin");
    String four = chat.latestChoices().get(3).payload();
    chat.press(four);
    chat.tap(chat.message("checkin.note.none"));
    chat.say("/checkin");
    Kept before = kept();

    chat.press(four);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(kept()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "s1.",
        ".agree",
        "s-1.agree",
        "S2.AGREE",
        "s2.agree; drop table members",
        "s2.agree\n",
        "s2.ágree",
        "szzzzzzzzzzzz.agree",
        "s2.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      })
  void forgedButton_isStale_andChangesNothing(String payload) {
    chat.say("/start");
    Kept before = kept();

    chat.press(payload);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(kept()).isEqualTo(before);
  }

  @Test
  void hugeForgedButton_isStale_andChangesNothing() {
    chat.say("/start");
    Kept before = kept();

    chat.press("s" + "1".repeat(5_000) + ".agree");
    chat.expect(chat.message("engine.stale_button"));
    chat.press(seqOfCurrentStep() + "." + "a".repeat(10_000));
    chat.expect(chat.message("engine.stale_button"));

    assertThat(kept()).isEqualTo(before);
  }

  private String seqOfCurrentStep() {
    return "s" + Long.toString(chat.state().session().flow().orElseThrow().stepSeq(), 36);
  }

  @ParameterizedTest
  @ValueSource(strings = {"narnia", "done", "stop", "other", "gb"})
  void rightStepButUnknownChoice_isStale_andChangesNothing(String choiceId) {
    chat.say("/start");
    Kept before = kept();

    chat.press(seqOfCurrentStep() + "." + choiceId);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(kept()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "6", "9", "04", "-1", "done"})
  void scaleButtonOutOfRange_isStale_andSavesNoMood(String value) {
    chat.say("/checkin");
    Kept before = kept();

    chat.press(seqOfCurrentStep() + "." + value);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(kept()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"done", "again", "faster"})
  void pacingButtonThatIsNotOffered_isStale_andThePaceGoesOn(String id) {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    var timers = chat.pendingTimers();

    chat.press(seqOfCurrentStep() + "." + id);

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(chat.pendingTimers()).isEqualTo(timers);
  }

  @Test
  void anyButton_withNoFlowRunning_isStale() {
    chat.press("s1.agree");

    assertThat(chat.texts()).containsExactly(chat.message("engine.stale_button"));
    assertThat(chat.state().session().flow()).isEmpty();
  }
}
