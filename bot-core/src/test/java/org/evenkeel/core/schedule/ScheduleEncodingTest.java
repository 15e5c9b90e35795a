package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored text of a schedule: short (issue 6 allows 150 bytes per scheduled member in Redis),
 * read back exactly, and a malformed one rejected with the field and the reason.
 */
class ScheduleEncodingTest {

  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  /** Weekdays at 08:30 in Berlin, quiet at night, paused three days, one day skipped. */
  private static final CheckinSchedule TYPICAL =
      CheckinSchedule.daily(ZoneId.of("Europe/Berlin"), LocalTime.of(8, 30))
          .withDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
          .withQuietHours(NIGHT)
          .withPause(Pause.between(at("2026-03-29T08:00Z"), at("2026-04-01T08:00Z")))
          .skipToday(at("2026-03-29T08:00Z"))
          .sentOn(date("2026-03-28"));

  @Test
  void aTypicalSchedule_readsAsItsFields_inWellUnderAHundredBytes() {
    String text = TYPICAL.encode();
    System.out.printf("typical schedule: %s (%d bytes)%n", text, bytes(text));

    assertThat(text)
        .isEqualTo(
            "1|Europe/Berlin|0830|1111100|2200-0700|1774771200-1775030400|20260329|20260328");
    assertThat(bytes(text)).isLessThanOrEqualTo(100);
  }

  @Test
  void theLongestZoneName_withEveryFieldSet_stillFitsInAHundredBytes() {
    String longest =
        ZoneId.getAvailableZoneIds().stream().max(Comparator.comparingInt(String::length)).get();
    String text = TYPICAL.withZone(ZoneId.of(longest)).encode();

    assertThat(bytes(text)).as(text).isLessThanOrEqualTo(100);
  }

  @Test
  void aNewMembersSchedule_leavesTheAbsentFieldsEmpty() {
    assertThat(CheckinSchedule.daily(ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 0)).encode())
        .isEqualTo("1|Asia/Kolkata|0900|1111111||||");
  }

  static Stream<CheckinSchedule> schedules() {
    CheckinSchedule kolkata = CheckinSchedule.daily(ZoneId.of("Asia/Kolkata"), LocalTime.MIDNIGHT);
    return Stream.of(
        TYPICAL,
        kolkata,
        kolkata.withTime(LocalTime.of(23, 59)).withDays(EnumSet.of(DayOfWeek.SUNDAY)),
        kolkata.pausedUntilResumed(at("2026-06-10T08:00:00.123Z")),
        kolkata.withQuietHours(new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30))),
        kolkata.withZone(ZoneOffset.ofHoursMinutes(5, 45)),
        kolkata.withZone(ZoneId.of("UTC")),
        kolkata.withZone(ZoneId.of("Australia/Lord_Howe")).sentOn(date("2026-10-04")));
  }

  @ParameterizedTest
  @MethodSource("schedules")
  void everySchedule_readsBackEqual(CheckinSchedule schedule) {
    assertThat(CheckinSchedule.decode(schedule.encode())).isEqualTo(schedule);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '§',
      value = {
        "''§field 1 (version): '' is not a known format version (expected 1)",
        "2|Europe/Berlin|0830|1111100||||§field 1 (version): '2' is not a known format version"
            + " (expected 1)",
        "1|Europe/Berlin|0830§expected 8 fields separated by '|' but found 3",
        "1|Europe/Berlin|0830|1111100|||||§expected 8 fields separated by '|' but found 9",
        "1|Europe/Berln|0830|1111100||||§field 2 (zone): 'Europe/Berln' is not a known time zone",
        "1||0830|1111100||||§field 2 (zone): '' is not a known time zone",
        "1|Europe/Berlin|830|1111100||||§field 3 (time): '830' is not a time HHmm",
        "1|Europe/Berlin|2400|1111100||||§field 3 (time): '2400' is not a time HHmm",
        "1|Europe/Berlin|0830|111110||||§field 4 (days): '111110' is not 7 digits 0 or 1 for"
            + " Monday to Sunday",
        "1|Europe/Berlin|0830|0000000||||§field 4 (days): no day of the week is chosen",
        "1|Europe/Berlin|0830|1111100|22-07|||§field 5 (quiet hours): '22-07' is not HHmm-HHmm",
        "1|Europe/Berlin|0830|1111100|2200-2500|||§field 5 (quiet hours): '2500' is not a time"
            + " HHmm",
        "1|Europe/Berlin|0830|1111100|2200-2200|||§field 5 (quiet hours): quiet hours must start"
            + " and end at different times but both were 22:00",
        "1|Europe/Berlin|0830|1111100||p:1774771200-||§field 6 (pause): 'p:1774771200-' is not"
            + " <epoch seconds>-<epoch seconds or nothing>",
        "1|Europe/Berlin|0830|1111100||1774771200||§field 6 (pause): '1774771200' is not"
            + " <epoch seconds>-<epoch seconds or nothing>",
        "1|Europe/Berlin|0830|1111100||1774771200-1774771200||§field 6 (pause): pause must end"
            + " after it starts (2026-03-29T08:00:00Z) but ended 2026-03-29T08:00:00Z",
        "1|Europe/Berlin|0830|1111100|||2026-03-29|§field 7 (skipped): '2026-03-29' is not a date"
            + " yyyyMMdd",
        "1|Europe/Berlin|0830|1111100|||20260230|§field 7 (skipped): '20260230' is not a date"
            + " yyyyMMdd",
        "1|Europe/Berlin|0830|1111100||||2026032§field 8 (last sent): '2026032' is not a date"
            + " yyyyMMdd",
      })
  void aMalformedText_isRejectedNamingTheFieldAndWhy(String text, String why) {
    assertThatThrownBy(() -> CheckinSchedule.decode(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed check-in schedule: " + why);
  }

  @Test
  void noText_isRejectedToo() {
    assertThatThrownBy(() -> CheckinSchedule.decode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed check-in schedule: null");
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
