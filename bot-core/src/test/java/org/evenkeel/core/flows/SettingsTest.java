package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** /settings: change country, time zone or check-in time, one at a time. */
class SettingsTest {

  private final Conversation chat = Members.onboarded(); // GB, London, 09:00

  private Profile profile() {
    return chat.state().profile();
  }

  private void open(String whatKey) {
    chat.say("/settings");
    chat.tap(chat.message(whatKey));
  }

  @Test
  void settings_offersCountryZoneTimeDaysQuietHoursAndCancel() {
    chat.say("/settings");

    chat.expect(chat.message("settings.ask"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("settings.country"),
            chat.message("settings.zone"),
            chat.message("settings.time"),
            chat.message("settings.days"),
            chat.message("settings.quiet"),
            chat.message("common.cancel"));
  }

  @Test
  void zoneUtcOrAnOffset_typedWithTheCommand_isKept() {
    chat.say("/settings zone UTC");
    assertThat(chat.state().profile().zone()).contains(java.time.ZoneId.of("UTC"));

    chat.say("/settings zone UTC-5");
    assertThat(chat.state().profile().zone().map(Object::toString)).contains("UTC-05:00");
  }

  @Test
  void countryButton_changesOnlyTheCountry() {
    open("settings.country");

    chat.tap(chat.message("setup.country.ie"));

    chat.expect(chat.message("settings.done"));
    assertThat(profile().country()).contains("IE");
    assertThat(profile().zone()).contains(ZoneId.of("Europe/London"));
    assertThat(profile().checkinTime()).contains(LocalTime.of(9, 0));
  }

  @Test
  void countryTyped_isSavedAsItsCode_andTheCrisisCardFollows() {
    open("settings.country");
    chat.tap(chat.message("setup.country.other"));

    chat.say("Australia");
    assertThat(profile().country()).contains("AU");

    chat.say("/sos");
    chat.expect("call 000").expectNo("116 123");
  }

  @Test
  void unknownCountry_isAskedAgain_andTheOldOneKept() {
    open("settings.country");
    chat.tap(chat.message("setup.country.other"));

    chat.say("Atlantis");

    chat.expect(chat.message("country.invalid"));
    assertThat(profile().country()).contains("GB");
  }

  @Test
  void zone_typedAsCity_isSaved_andConfirmedWithTheLocalTime() {
    open("settings.zone");

    chat.say("new york");

    chat.expect("It's 04:30 for you right now").expect(chat.message("settings.done"));
    assertThat(profile().zone()).contains(ZoneId.of("America/New_York"));
    assertThat(profile().country()).contains("GB");
  }

  @Test
  void zone_invalid_isAskedAgain_andTheOldOneKept() {
    open("settings.zone");

    chat.say("somewhere nice");

    chat.expect(chat.message("zone.invalid")).expectNo(chat.message("settings.done"));
    assertThat(profile().zone()).contains(ZoneId.of("Europe/London"));
  }

  @ParameterizedTest(name = "\"{0}\" is saved as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "London | Europe/London",
        "new york | America/New_York",
        "São Paulo | America/Sao_Paulo",
        "sao paulo | America/Sao_Paulo",
        "Asia/Kolkata | Asia/Kolkata",
        "UTC-5 | UTC-05:00",
        "gmt+2 | UTC+02:00",
        "+05:30 | UTC+05:30",
      })
  void zone_typedInManyWays_isUnderstood(String typed, String zoneId) {
    open("settings.zone");

    chat.say(typed);

    chat.expect(chat.message("settings.done"));
    assertThat(profile().zone().orElseThrow().getId()).isEqualTo(zoneId);
  }

  @ParameterizedTest(name = "\"{0}\" is saved as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9 | 09:00",
        "9:30 | 09:30",
        "21:00 | 21:00",
        "9pm | 21:00",
        "9 PM | 21:00",
        "12am | 00:00",
        "12pm | 12:00",
        "7.15 | 07:15",
      })
  void time_typedInManyWays_isUnderstood(String typed, String time) {
    open("settings.time");
    chat.tap(chat.message("setup.time.other"));

    chat.say(typed);

    chat.expect(chat.message("settings.done"));
    assertThat(profile().checkinTime()).contains(LocalTime.parse(time));
  }

  @ParameterizedTest
  @ValueSource(strings = {"25:00", "13pm", "9:75", "soon", "-3"})
  void time_thatIsNoTime_isAskedAgain(String typed) {
    open("settings.time");
    chat.tap(chat.message("setup.time.other"));

    chat.say(typed);

    chat.expect(chat.message("time.invalid"));
    assertThat(profile().checkinTime()).contains(LocalTime.of(9, 0));
  }

  @ParameterizedTest(name = "\"{0}\" is saved as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "germany | DE",
        "U.K. | GB",
        "usa | US",
        "United States | US",
        "Cote d'Ivoire | CI",
        "Spain | ES",
        "fr | FR",
      })
  void country_typedInManyWays_isUnderstood(String typed, String code) {
    open("settings.country");
    chat.tap(chat.message("setup.country.other"));

    chat.say(typed);

    assertThat(profile().country()).contains(code);
  }

  @Test
  void time_eveningButton_isSaved() {
    open("settings.time");

    chat.tap(chat.message("setup.time.evening"));

    assertThat(profile().checkinTime()).contains(LocalTime.of(20, 0));
  }

  @Test
  void time_typed_isSaved() {
    open("settings.time");
    chat.tap(chat.message("setup.time.other"));

    chat.say("7:30");

    chat.expect(chat.message("settings.done"));
    assertThat(profile().checkinTime()).contains(LocalTime.of(7, 30));
  }

  @Test
  void time_none_turnsCheckinsOff() {
    open("settings.time");

    chat.tap(chat.message("setup.time.none"));

    assertThat(profile().checkinTime()).isEmpty();
  }

  @Test
  void cancel_changesNothing() {
    Profile before = profile();
    chat.say("/settings");

    chat.tap(chat.message("common.cancel"));

    chat.expect(chat.message("settings.cancelled"));
    assertThat(profile()).isEqualTo(before);
  }
}
