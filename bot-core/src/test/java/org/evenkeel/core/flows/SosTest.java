package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /sos: the crisis card for the member's country, always with the international directory. */
class SosTest {

  @Test
  void sos_withCountryGb_showsUkNumbers_andTheInternationalDirectory() {
    Conversation chat = Members.onboarded();

    chat.say("/sos");

    chat.expect(chat.message("crisis.card.title"))
        .expect("call 999")
        .expect("Samaritans")
        .expect("116 123")
        .expect("text SHOUT to 85258")
        .expect("Find A Helpline, https://findahelpline.com");
    chat.expectNo(chat.message("crisis.card.no_country"));
  }

  @Test
  void sos_withoutCountry_saysHowToSetOne_andShowsTheInternationalDirectory() {
    Conversation chat = Members.newMember();

    chat.say("/sos");

    chat.expect(chat.message("crisis.card.no_country")).expect("https://findahelpline.com");
    chat.expectNo("116 123").expectNo("988");
  }

  @Test
  void sos_asTheVeryFirstMessage_showsTheCardFirst_withoutAWelcome() {
    Conversation chat = Members.newMember();

    chat.say("/sos");

    assertThat(chat.texts().get(0)).startsWith(chat.message("crisis.card.title"));
    chat.expectNo(chat.message("engine.welcome"));
  }

  @Test
  void sos_withCountryUs_shows988() {
    Conversation chat = Members.newMember();
    chat.say("/settings");
    chat.tap(chat.message("settings.country"));
    chat.tap(chat.message("setup.country.us"));

    chat.say("/sos");

    chat.expect("call 911").expect("Call 988").expect("https://findahelpline.com");
    chat.expectNo("116 123");
  }

  @Test
  void sos_thenOffersGrounding_yesStartsIt() {
    Conversation chat = Members.onboarded();
    chat.say("/sos");
    chat.expect(chat.message("sos.ground.ask"));

    chat.tap(chat.message("common.yes"));

    chat.expect(chat.message("ground.see"));
  }

  @Test
  void sos_groundingDeclined_leavesTheNumbersThere() {
    Conversation chat = Members.onboarded();
    chat.say("/sos");

    chat.tap(chat.message("common.no"));

    chat.expect(chat.message("sos.ground.declined"));
    assertThat(chat.state().session().flow()).isEmpty();
  }
}
