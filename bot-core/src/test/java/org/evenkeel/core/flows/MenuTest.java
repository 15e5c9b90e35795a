package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /menu: "What would help right now?", each choice leading into its flow. */
class MenuTest {

  private final Conversation chat = Members.onboarded();

  @Test
  void menu_offersEveryExercise_crisisSupport_andNothing() {
    chat.say("/menu");

    chat.expect(chat.message("menu.ask"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("menu.grounding"),
            chat.message("menu.breathing"),
            chat.message("menu.gratitude"),
            chat.message("menu.checkin"),
            chat.message("menu.crisis"),
            chat.message("menu.nothing"));
  }

  @ParameterizedTest(name = "{0} leads to {1}")
  @CsvSource({
    "menu.grounding, ground.see, ground",
    "menu.breathing, breathe.ask, breathe",
    "menu.gratitude, gratitude.thing1, gratitude",
    "menu.checkin, checkin.ask, checkin",
    "menu.crisis, sos.ground.ask, sos",
  })
  void eachChoice_startsItsFlow(String label, String firstQuestion, String flow) {
    chat.say("/menu");

    chat.tap(chat.message(label));

    chat.expect(chat.message(firstQuestion));
    assertThat(chat.state().session().flow().orElseThrow().flowId()).isEqualTo(flow);
  }

  @Test
  void crisisSupport_showsTheCrisisCard() {
    chat.say("/menu");

    chat.tap(chat.message("menu.crisis"));

    chat.expect(chat.message("crisis.card.title")).expect("116 123");
  }

  @Test
  void nothing_endsQuietly() {
    chat.say("/menu");

    chat.tap(chat.message("menu.nothing"));

    chat.expect(chat.message("menu.nothing_text"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void typedMenuRequest_opensTheMenu() {
    chat.say("i don't know what i need");

    chat.expect(chat.message("menu.ask"));
  }
}
