package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * A command's arguments answer its flow's first questions: "/settings zone Europe/Berlin" (what
 * Discord's option with autocomplete sends) sets the zone without asking.
 */
class CommandArgumentsTest {

  private final Conversation chat = Members.onboarded();

  @Test
  void settingsZone_withAZone_setsItAtOnce_withoutAskingTheQuestions() {
    chat.say("/settings zone Europe/Berlin");

    assertThat(chat.state().profile().zone()).map(Object::toString).contains("Europe/Berlin");
    chat.expectNo(chat.message("settings.ask"));
    chat.expectNo(chat.message("setup.zone.ask"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void settingsZone_withoutAZone_asksForIt() {
    chat.say("/settings zone");

    chat.expectNo(chat.message("settings.ask"));
    chat.expect(chat.message("setup.zone.ask"));
    assertThat(chat.state().session().flow()).isPresent();
  }

  @Test
  void aZoneThatIsNone_isAnsweredAsTypedOnes_are() {
    chat.say("/settings zone Atlantis");

    chat.expect(chat.message("zone.invalid").substring(0, 12));
    assertThat(chat.state().session().flow()).isPresent();
  }

  @Test
  void argumentsThatNameNoChoice_leaveTheFlowAtItsFirstQuestion() {
    chat.say("/settings colour blue");

    chat.expect(chat.message("settings.ask"));
    assertThat(chat.state().profile().zone().map(Object::toString).orElse(""))
        .doesNotContain("blue");
  }
}
