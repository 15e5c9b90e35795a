package org.evenkeel.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswersTest {

  @Nested
  class Zone {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Europe/Berlin       | Europe/Berlin",
          "europe/berlin       | Europe/Berlin",
          "America/New_York    | America/New_York",
          "berlin              | Europe/Berlin",
          "Berlin              | Europe/Berlin",
          "new york            | America/New_York",
          "New York            | America/New_York",
          "new_york            | America/New_York",
          "'  los angeles  '   | America/Los_Angeles",
          "São Paulo           | America/Sao_Paulo",
        })
    void ianaIdOrCity_givesTheZone(String answer, String zone) {
      assertThat(Answers.zone(answer)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "UTC+5:30   | +05:30",
          "utc+5:30   | +05:30",
          "UTC +2     | +02:00",
          "GMT-3      | -03:00",
          "-05:00     | -05:00",
          "+0530      | +05:30",
          "-0:30      | -00:30",
          "UTC+14     | +14:00",
        })
    void utcOffset_givesAFixedZone(String answer, String offset) {
      assertThat(Answers.zone(answer)).contains(ZoneId.ofOffset("UTC", ZoneOffset.of(offset)));
    }

    @Test
    void utcOnItsOwn_isUtc() {
      assertThat(Answers.zone("UTC")).contains(ZoneId.of("UTC"));
      assertThat(Answers.zone("gmt")).contains(ZoneId.of("UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "narnia", "UTC+19", "+5:75", "Europe/Atlantis", "5:30", "tomorrow"})
    void anythingElse_isNoZone(String answer) {
      assertThat(Answers.zone(answer)).isEmpty();
    }
  }

  @Nested
  class Time {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "9          | 09:00",
          "9:30       | 09:30",
          "09.30      | 09:30",
          "9pm        | 21:00",
          "9 PM       | 21:00",
          "9:30 p.m.  | 21:30",
          "12am       | 00:00",
          "12pm       | 12:00",
          "12:15am    | 00:15",
          "21:00      | 21:00",
          "21h        | 21:00",
          "21h30      | 21:30",
          "0:00       | 00:00",
          "23:59      | 23:59",
        })
    void writtenTime_givesTheTimeOfDay(String answer, String time) {
      assertThat(Answers.time(answer)).contains(LocalTime.parse(time));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "24:00", "13pm", "0am", "9:60", "noon", "", "9:3", "930pm"})
    void impossibleOrUnreadableTime_isNoTime(String answer) {
      assertThat(Answers.time(answer)).isEmpty();
    }
  }

  @Nested
  class Country {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "DE             | DE",
          "de             | DE",
          "germany        | DE",
          "Germany        | DE",
          "uk             | GB",
          "U.K.           | GB",
          "england        | GB",
          "usa            | US",
          "United States  | US",
          "ireland        | IE",
          "brasil         | ",
          "Brazil         | BR",
          "' india '      | IN",
        })
    void codeOrEnglishName_givesTheIsoCode(String answer, String code) {
      if (code == null) {
        assertThat(Answers.country(answer)).isEmpty();
      } else {
        assertThat(Answers.country(answer)).contains(code);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "narnia", "", "europe", "d"})
    void unknownCountry_isNoCountry(String answer) {
      assertThat(Answers.country(answer)).isEmpty();
    }
  }

  @Nested
  class MoodOutOfFive {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "good day today 4/5     | 4",
          "honestly 2 / 5         | 2",
          "3 out of 5 i guess     | 3",
          "1/5 rough one          | 1",
        })
    void moodWrittenOutOfFive_isRead(String text, int mood) {
      assertThat(Answers.moodOutOfFive(text)).contains(mood);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "good day today",
          "6/5",
          "0/5",
          "4/10",
          "14/5",
          "4/50",
          "5 stars",
          "step 1 of 5 done"
        })
    void anythingElse_isNoMood(String text) {
      assertThat(Answers.moodOutOfFive(text)).isEmpty();
    }
  }

  @Nested
  class Scale {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "4        | 4",
          "' 3'     | 3",
          "4/5      | 4",
          "4 - ok   | 4",
          "1        | 1",
          "5        | 5",
        })
    void numberAtTheStart_withinTheScale_isRead(String text, int value) {
      assertThat(Answers.scale(text, 1, 5)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "45", "123", "four", "", "about 3", "-1"})
    void numberOutsideTheScaleOrNotFirst_isNothing(String text) {
      assertThat(Answers.scale(text, 1, 5)).isEmpty();
    }

    @Test
    void otherRanges_areRespected() {
      assertThat(Answers.scale("10", 1, 10)).contains(10);
      assertThat(Answers.scale("0", 0, 4)).contains(0);
      assertThat(Answers.scale("-2", -2, 2)).contains(-2);
      assertThat(Answers.scale("11", 1, 10)).isEmpty();
    }
  }

  @Test
  void everyZoneItGives_readsBackAsTheSameZone_asTheSettingsFlowStoresIt() {
    for (String typed : new String[] {"UTC", "gmt", "UTC+2", "-05:30", "berlin", "Asia/Kolkata"}) {
      java.time.ZoneId zone = Answers.zone(typed).orElseThrow();
      assertThat(Answers.zone(zone.getId())).as(typed).contains(zone);
    }
  }

  @Nested
  class Days {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "every day            | 1111111",
          "Weekdays             | 1111100",
          "weekends             | 0000011",
          "mon, wed fri         | 1010100",
          "Monday and Thursday  | 1001000",
          "tue/sat              | 0100010",
          "0000001              | 0000001",
        })
    void namesListsAndTheStoredCode_giveTheDays(String answer, String code) {
      assertThat(Answers.days(answer, "en").map(Answers::daysCode)).contains(code);
    }

    @Test
    void dayNamesInTheMembersLanguage_areRead() {
      assertThat(Answers.days("lunes, miércoles", "es").map(Answers::daysCode)).contains("1010000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "funday", "mon, someday", "0000000", "mo"})
    void anythingElse_isNotRead(String answer) {
      assertThat(Answers.days(answer, "en")).isEmpty();
    }
  }

  @Nested
  class Quiet {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "22:00-07:00     | 22:00-07:00",
          "10pm to 7am     | 22:00-07:00",
          "23:30 – 8:15    | 23:30-08:15",
          "13:00 until 14h | 13:00-14:00",
        })
    void aRange_isRead(String answer, String stored) {
      assertThat(Answers.quietHours(answer).orElseThrow().map(Answers::quietCode)).contains(stored);
    }

    @Test
    void none_meansNoQuietHours() {
      assertThat(Answers.quietHours("none")).contains(java.util.Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "22:00", "22:00-22:00", "late-early", "25:00-07:00"})
    void anythingElse_isNotRead(String answer) {
      assertThat(Answers.quietHours(answer)).isEmpty();
    }
  }
}
