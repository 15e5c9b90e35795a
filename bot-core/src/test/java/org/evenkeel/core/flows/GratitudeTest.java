package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * /gratitude: three good things, each saved to the journal as it is written; /journal shows them.
 */
class GratitudeTest {

  private final Conversation chat = Members.onboarded();

  private List<JournalEntry> journal() {
    return chat.state().recentJournal();
  }

  private String skip() {
    return chat.message("common.skip");
  }

  @Test
  void gratitude_asksForOneThingAtATime_withASkipButton() {
    chat.say("/gratitude");

    chat.expect(chat.message("gratitude.intro")).expect(chat.message("gratitude.thing1"));
    chat.expectNo(chat.message("gratitude.thing2"));
    assertThat(chat.labels()).containsExactly(skip());
  }

  @Test
  void theQuestion_asksForATypedAnswer_andOnlyTheQuestion() {
    chat.say("/gratitude");

    List<SendMessage> sent = chat.replies(SendMessage.class);
    assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
    SendMessage question = sent.get(sent.size() - 1);
    assertThat(question.text().plainText()).isEqualTo(chat.message("gratitude.thing1"));
    assertThat(question.answerPrompt()).contains(chat.message("common.answer"));
    assertThat(sent.subList(0, sent.size() - 1))
        .allSatisfy(m -> assertThat(m.answerPrompt()).isEmpty());
  }

  @Test
  void threeThings_areSavedInTheJournal_inOrder() {
    chat.say("/gratitude");
    chat.say("a warm cup of tea");
    chat.expect(chat.message("gratitude.thing2"));
    chat.say("a call from my sister");
    chat.expect(chat.message("gratitude.thing3"));
    chat.say("  the sun came out  ");

    chat.expect(chat.message("gratitude.close"));
    assertThat(journal())
        .extracting(JournalEntry::kind, JournalEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JournalEntry.Kind.GRATITUDE, "a warm cup of tea"),
            org.assertj.core.groups.Tuple.tuple(
                JournalEntry.Kind.GRATITUDE, "a call from my sister"),
            org.assertj.core.groups.Tuple.tuple(JournalEntry.Kind.GRATITUDE, "the sun came out"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void eachThing_isSavedAsSoonAsItIsWritten() {
    chat.say("/gratitude");
    chat.say("my dog");

    assertThat(journal()).extracting(JournalEntry::text).containsExactly("my dog");
  }

  @Test
  void skipEverything_savesNothing() {
    chat.say("/gratitude");
    chat.tap(skip());
    chat.tap(skip());
    chat.tap(skip());

    chat.expect(chat.message("gratitude.close"));
    assertThat(journal()).isEmpty();
  }

  @Test
  void skipOne_savesTheOthers() {
    chat.say("/gratitude");
    chat.say("coffee");
    chat.tap(skip());
    chat.say("my meeting");

    assertThat(journal()).extracting(JournalEntry::text).containsExactly("coffee", "my meeting");
  }

  @Test
  void typingSkip_skipsLikeTheButton_andSavesNothing() {
    chat.say("/gratitude");

    chat.say("skip");
    chat.expect(chat.message("gratitude.thing2"));
    chat.say("Skip.");
    chat.say("SKIP");

    chat.expect(chat.message("gratitude.close"));
    assertThat(journal()).isEmpty();
  }

  @Test
  void journal_showsWhatWasSaved() {
    chat.say("/gratitude");
    chat.say("a warm cup of tea");
    chat.say("a call from my sister");
    chat.tap(skip());

    chat.say("/journal");

    chat.expect("Your journal (2 saved)")
        .expect("a warm cup of tea")
        .expect("a call from my sister");
  }

  @Test
  void journal_showsMarkupTheMemberTypedLiterally() {
    chat.say("/gratitude");
    chat.say("*finally* slept_well");
    chat.tap(skip());
    chat.tap(skip());

    chat.say("/journal");

    chat.expect("*finally* slept_well");
  }

  @Test
  void journal_whenEmpty_saysHowToAddToIt() {
    chat.say("/journal");

    chat.expect(chat.message("journal.empty"));
  }

  @Test
  void journal_acrossDays_showsTheNewestTen() {
    for (int day = 1; day <= 12; day++) {
      chat.say("/gratitude");
      chat.say("good thing " + day);
      chat.tap(skip());
      chat.tap(skip());
      chat.wait(Duration.ofDays(1));
    }

    chat.say("/journal");

    chat.expect("(10 saved)").expect("good thing 12").expect("good thing 3");
    assertThat(String.join("\n", chat.texts())).doesNotContainPattern("good thing [12]\\b");
  }
}
