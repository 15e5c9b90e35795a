package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.evenkeel.core.event.ConversationStarted;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /start: consent, country, time zone and check-in time, saved to the member's profile. */
class OnboardingTest {

  private final Conversation chat = Members.newMember();

  private Profile profile() {
    return chat.state().profile();
  }

  private void agreeAndPickCountry(String countryKey) {
    chat.say("/start");
    chat.tap(chat.message("start.consent.agree"));
    chat.tap(chat.message(countryKey));
  }

  @Test
  void start_saysItIsNotTherapy_explainsPrivacy_andAsksConsent() {
    chat.say("/start");

    chat.expect(chat.message("start.not_therapy"))
        .expect(chat.message("start.privacy"))
        .expect(chat.message("start.consent.ask"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("start.consent.agree"), chat.message("start.consent.not_now"));
  }

  @Test
  void start_asFirstMessage_skipsTheGenericWelcome() {
    chat.say("/start");

    chat.expectNo(chat.message("engine.welcome"));
  }

  @Test
  void conversationStarted_runsOnboarding() {
    chat.send(new ConversationStarted("open-1", chat.address));

    chat.expect(chat.message("start.consent.ask"));
  }

  @Test
  void consentNotNow_endsKindly_andSavesNoSettings() {
    chat.say("/start");
    chat.tap(chat.message("start.consent.not_now"));

    chat.expect(chat.message("start.consent.later"));
    assertThat(chat.state().session().flow()).isEmpty();
    assertThat(profile().consent()).isFalse();
    assertThat(profile().country()).isEmpty();
    assertThat(profile().zone()).isEmpty();
  }

  @Test
  void countryButton_cityZone_morningButton_areAllSavedToTheProfile() {
    agreeAndPickCountry("setup.country.gb");
    chat.expect(chat.message("setup.zone.ask"));

    chat.say("berlin");
    // 09:30 UTC on 2 March is 10:30 in Berlin.
    chat.expect("It's 10:30 for you right now").expect(chat.message("setup.time.ask"));

    chat.tap(chat.message("setup.time.morning"));

    chat.expect("around 09:00").expect("/ground");
    assertThat(profile().consent()).isTrue();
    assertThat(profile().country()).contains("GB");
    assertThat(profile().zone()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(profile().checkinTime()).contains(LocalTime.of(9, 0));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void nothingIsSavedBeforeTheLastQuestionIsAnswered() {
    agreeAndPickCountry("setup.country.gb");
    chat.say("berlin");

    assertThat(profile().country()).isEmpty();
    assertThat(profile().zone()).isEmpty();
    assertThat(profile().consent()).isFalse();
  }

  @Test
  void countryTypedByName_isSavedAsItsCode() {
    agreeAndPickCountry("setup.country.other");
    chat.expect(chat.message("setup.country.type"));

    chat.say("Germany");
    chat.expect(chat.message("setup.zone.ask"));
    chat.say("berlin");
    chat.tap(chat.message("setup.time.evening"));

    assertThat(profile().country()).contains("DE");
    assertThat(profile().checkinTime()).contains(LocalTime.of(20, 0));
  }

  @Test
  void countryTypedAsLowercaseCode_isSavedAsItsCode() {
    agreeAndPickCountry("setup.country.other");
    chat.say("nz");
    chat.say("Pacific/Auckland");
    chat.tap(chat.message("setup.time.morning"));

    assertThat(profile().country()).contains("NZ");
  }

  @Test
  void unknownCountry_isAskedAgain_untilOneMatches() {
    agreeAndPickCountry("setup.country.other");

    chat.say("Narnia");
    chat.expect(chat.message("country.invalid")).expectNo(chat.message("setup.zone.ask"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("country_other");

    chat.say("DE");
    chat.expect(chat.message("setup.zone.ask"));
  }

  @Test
  void zoneTypedAsIanaId_isSaved() {
    agreeAndPickCountry("setup.country.ie");
    chat.say("Europe/Berlin");
    chat.expect("It's 10:30 for you right now");
    chat.tap(chat.message("setup.time.morning"));

    assertThat(profile().zone()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(profile().country()).contains("IE");
  }

  @Test
  void zoneTypedAsUtcOffset_isSavedAsThatOffset() {
    agreeAndPickCountry("setup.country.in");
    chat.say("UTC+5:30");
    chat.expect("It's 15:00 for you right now");
    chat.tap(chat.message("setup.time.morning"));

    assertThat(profile().zone().orElseThrow().getRules().getOffset(chat.clock.instant()))
        .isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
  }

  @Test
  void invalidZone_isAskedAgain_andTheNextAnswerCounts() {
    agreeAndPickCountry("setup.country.us");

    chat.say("the moon");
    chat.expect(chat.message("zone.invalid")).expectNo(chat.message("setup.time.ask"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("zone");

    chat.say("new york");
    chat.expect("It's 04:30 for you right now");
    chat.tap(chat.message("setup.time.morning"));
    assertThat(profile().zone()).contains(ZoneId.of("America/New_York"));
  }

  @Test
  void checkinTimeTypedAs9pm_isSavedAs2100() {
    agreeAndPickCountry("setup.country.gb");
    chat.say("London");
    chat.tap(chat.message("setup.time.other"));
    chat.expect(chat.message("setup.time.type"));

    chat.say("9pm");

    chat.expect("around 21:00");
    assertThat(profile().checkinTime()).contains(LocalTime.of(21, 0));
  }

  @Test
  void unreadableCheckinTime_isAskedAgain() {
    agreeAndPickCountry("setup.country.gb");
    chat.say("London");
    chat.tap(chat.message("setup.time.other"));

    chat.say("whenever");
    chat.expect(chat.message("time.invalid"));
    assertThat(profile().consent()).isFalse();

    chat.say("7:45");
    assertThat(profile().checkinTime()).contains(LocalTime.of(7, 45));
  }

  @Test
  void noCheckins_savesNoCheckinTime_andSaysSo() {
    agreeAndPickCountry("setup.country.au");
    chat.say("sydney");
    chat.tap(chat.message("setup.time.none"));

    chat.expect(chat.message("start.done.no_checkins")).expectNo("I'll check in around");
    assertThat(profile().checkinTime()).isEmpty();
    assertThat(profile().consent()).isTrue();
    assertThat(profile().country()).contains("AU");
    assertThat(profile().zone()).contains(ZoneId.of("Australia/Sydney"));
  }

  @Test
  void typingAChoiceNumberOrLabel_worksLikeTappingIt() {
    chat.say("/start");
    chat.say("1");
    chat.expect(chat.message("setup.country.ask"));

    chat.say("united kingdom");
    chat.expect(chat.message("setup.zone.ask"));
  }

  @Test
  void typingSomethingElseAtAChoice_asksForAButton_andRepeatsThem() {
    chat.say("/start");
    chat.say("maybe later?");

    chat.expect(chat.message("engine.invalid_choice"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("start.consent.agree"), chat.message("start.consent.not_now"));
  }

  @Test
  void runningStartAgain_changesTheSavedSettings() {
    Conversation member = Members.onboarded();
    assertThat(member.state().profile().country()).contains("GB");

    member.say("/start");
    member.tap(member.message("start.consent.agree"));
    member.tap(member.message("setup.country.ca"));
    member.say("toronto");
    member.tap(member.message("setup.time.none"));

    assertThat(member.state().profile().country()).contains("CA");
    assertThat(member.state().profile().zone()).contains(ZoneId.of("America/Toronto"));
    assertThat(member.state().profile().checkinTime()).isEqualTo(Optional.empty());
  }
}
