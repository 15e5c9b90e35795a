package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /forget: explains, suggests /export, and deletes everything only on a clear yes. */
class ForgetTest {

  private final Conversation chat = Members.onboarded();

  private void writeSomething() {
    chat.say("/gratitude");
    chat.say("my friends at the meeting");
    chat.tap(chat.message("common.skip"));
    chat.tap(chat.message("common.skip"));
    chat.say("/checkin");
    chat.tap("4");
    chat.tap(chat.message("checkin.note.none"));
  }

  @Test
  void forget_explainsWhatGoes_suggestsExport_andAsks() {
    chat.say("/forget");

    chat.expect(chat.message("forget.explain"))
        .expect(chat.message("forget.export_first"))
        .expect(chat.message("forget.ask"));
    assertThat(chat.labels())
        .containsExactly(chat.message("forget.delete"), chat.message("forget.keep"));
  }

  @Test
  void delete_removesProfileJournalAndSession() {
    writeSomething();
    assertThat(chat.state().recentJournal()).hasSize(2);
    chat.say("/forget");

    chat.tap(chat.message("forget.delete"));

    chat.expect(chat.message("forget.done"));
    assertThat(chat.state().knownMember()).isFalse();
    assertThat(chat.state().recentJournal()).isEmpty();
    assertThat(chat.state().profile().country()).isEmpty();
    assertThat(chat.state().session().flow()).isEmpty();
    assertThat(chat.store.export(chat.address.member()).sessions()).isEmpty();
    assertThat(chat.pendingTimers()).isEmpty();
  }

  @Test
  void afterDeleting_theMemberIsTreatedAsNew() {
    writeSomething();
    chat.say("/forget");
    chat.tap(chat.message("forget.delete"));

    chat.say("/journal");

    chat.expect(chat.message("engine.welcome")).expect(chat.message("journal.empty"));
  }

  @Test
  void keep_deletesNothing() {
    writeSomething();
    chat.say("/forget");

    chat.tap(chat.message("forget.keep"));

    chat.expect(chat.message("forget.kept")).expectNo(chat.message("forget.done"));
    assertThat(chat.state().knownMember()).isTrue();
    assertThat(chat.state().recentJournal()).hasSize(2);
    assertThat(chat.state().profile().country()).contains("GB");
  }

  @Test
  void typedUnclearAnswer_deletesNothing() {
    writeSomething();
    chat.say("/forget");

    chat.say("hmm not sure");

    chat.expect(chat.message("engine.invalid_choice"));
    assertThat(chat.state().recentJournal()).hasSize(2);
  }

  @Test
  void forget_duringBreathing_stopsThePacing() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));

    chat.say("/forget");
    chat.tap(chat.message("forget.delete"));

    chat.wait(Duration.ofMinutes(5));
    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().knownMember()).isFalse();
  }
}
