package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check-ins on the days around daylight-saving transitions of 2026 land at the right instant, once.
 * The expected instants are written out as offsets read from the zone's published rules (and
 * checked against {@code ZoneRules} in {@link #theTransitionsAreOnTheDatesTheTableAssumes}), not
 * computed by the code under test.
 */
class DaylightSavingTest {

  private static final String MEMBER = "telegram:1001";

  private final CheckinPlanner planner =
      new CheckinPlanner(SchedulingSettings.DEFAULTS.withMaxJitter(Duration.ZERO));

  /** A local time the clock jumps over: read with the offset before the gap. */
  static Stream<Arguments> gaps() {
    return Stream.of(
        // 02:00 EST -> 03:00 EDT
        arguments(
            "America/New_York",
            "02:30",
            "2026-03-07T02:30-05:00",
            "2026-03-08T03:30-04:00",
            "2026-03-09T02:30-04:00"),
        // 02:00 CET -> 03:00 CEST
        arguments(
            "Europe/Berlin",
            "02:30",
            "2026-03-28T02:30+01:00",
            "2026-03-29T03:30+02:00",
            "2026-03-30T02:30+02:00"),
        // 02:00 +10:30 -> 02:30 +11:00: a 30-minute gap
        arguments(
            "Australia/Lord_Howe",
            "02:15",
            "2026-10-03T02:15+10:30",
            "2026-10-04T02:45+11:00",
            "2026-10-05T02:15+11:00"),
        // 02:45 +12:45 -> 03:45 +13:45
        arguments(
            "Pacific/Chatham",
            "03:00",
            "2026-09-26T03:00+12:45",
            "2026-09-27T04:00+13:45",
            "2026-09-28T03:00+13:45"));
  }

  /** A local time the clock shows twice: the first occurrence, the earlier offset. */
  static Stream<Arguments> overlaps() {
    return Stream.of(
        // 02:00 EDT -> 01:00 EST
        arguments(
            "America/New_York",
            "01:30",
            "2026-10-31T01:30-04:00",
            "2026-11-01T01:30-04:00",
            "2026-11-02T01:30-05:00"),
        // 03:00 CEST -> 02:00 CET
        arguments(
            "Europe/Berlin",
            "02:30",
            "2026-10-24T02:30+02:00",
            "2026-10-25T02:30+02:00",
            "2026-10-26T02:30+01:00"),
        // 02:00 +11:00 -> 01:30 +10:30: a 30-minute overlap
        arguments(
            "Australia/Lord_Howe",
            "01:45",
            "2026-04-04T01:45+11:00",
            "2026-04-05T01:45+11:00",
            "2026-04-06T01:45+10:30"),
        // 03:45 +13:45 -> 02:45 +12:45
        arguments(
            "Pacific/Chatham",
            "03:00",
            "2026-04-04T03:00+13:45",
            "2026-04-05T03:00+13:45",
            "2026-04-06T03:00+12:45"));
  }

  /** An ordinary morning time on each transition day: the new offset, no surprises. */
  static Stream<Arguments> mornings() {
    return Stream.of(
        arguments(
            "America/New_York",
            "09:00",
            "2026-03-07T09:00-05:00",
            "2026-03-08T09:00-04:00",
            "2026-03-09T09:00-04:00"),
        arguments(
            "America/New_York",
            "09:00",
            "2026-10-31T09:00-04:00",
            "2026-11-01T09:00-05:00",
            "2026-11-02T09:00-05:00"),
        arguments(
            "Europe/Berlin",
            "09:00",
            "2026-03-28T09:00+01:00",
            "2026-03-29T09:00+02:00",
            "2026-03-30T09:00+02:00"),
        arguments(
            "Europe/Berlin",
            "09:00",
            "2026-10-24T09:00+02:00",
            "2026-10-25T09:00+01:00",
            "2026-10-26T09:00+01:00"),
        arguments(
            "Australia/Lord_Howe",
            "09:00",
            "2026-04-04T09:00+11:00",
            "2026-04-05T09:00+10:30",
            "2026-04-06T09:00+10:30"),
        arguments(
            "Australia/Lord_Howe",
            "09:00",
            "2026-10-03T09:00+10:30",
            "2026-10-04T09:00+11:00",
            "2026-10-05T09:00+11:00"),
        arguments(
            "Pacific/Chatham",
            "09:00",
            "2026-04-04T09:00+13:45",
            "2026-04-05T09:00+12:45",
            "2026-04-06T09:00+12:45"),
        arguments(
            "Pacific/Chatham",
            "09:00",
            "2026-09-26T09:00+12:45",
            "2026-09-27T09:00+13:45",
            "2026-09-28T09:00+13:45"));
  }

  /** Kolkata keeps +05:30 all year, through every other zone's transition. */
  static Stream<Arguments> kolkata() {
    return Stream.of(
        arguments(
            "Asia/Kolkata",
            "02:30",
            "2026-03-07T02:30+05:30",
            "2026-03-08T02:30+05:30",
            "2026-03-09T02:30+05:30"),
        arguments(
            "Asia/Kolkata",
            "01:30",
            "2026-10-31T01:30+05:30",
            "2026-11-01T01:30+05:30",
            "2026-11-02T01:30+05:30"),
        arguments(
            "Asia/Kolkata",
            "03:00",
            "2026-04-04T03:00+05:30",
            "2026-04-05T03:00+05:30",
            "2026-04-06T03:00+05:30"));
  }

  @ParameterizedTest(name = "{0} at {1}: {3}")
  @MethodSource("gaps")
  void aTimeInsideTheGap_movesForwardByTheGap_andIsSentOnce(
      String zone, String at, String dayBefore, String transitionDay, String dayAfter) {
    assertThat(threeDays(zone, at, dayBefore, dayAfter))
        .containsExactly(sent(dayBefore), sent(transitionDay), sent(dayAfter));
  }

  @ParameterizedTest(name = "{0} at {1}: {3}")
  @MethodSource("overlaps")
  void aTimeInsideTheOverlap_takesTheEarlierOffset_andIsSentOnce(
      String zone, String at, String dayBefore, String transitionDay, String dayAfter) {
    assertThat(threeDays(zone, at, dayBefore, dayAfter))
        .containsExactly(sent(dayBefore), sent(transitionDay), sent(dayAfter));
  }

  @ParameterizedTest(name = "{0} at {1}: {3}")
  @MethodSource("mornings")
  void anOrdinaryTime_onTheTransitionDay_usesTheNewOffset(
      String zone, String at, String dayBefore, String transitionDay, String dayAfter) {
    assertThat(threeDays(zone, at, dayBefore, dayAfter))
        .containsExactly(sent(dayBefore), sent(transitionDay), sent(dayAfter));
  }

  @ParameterizedTest(name = "{0} at {1}: {3}")
  @MethodSource("kolkata")
  void aZoneWithoutDaylightSaving_keepsItsOffsetEveryDay(
      String zone, String at, String dayBefore, String day, String dayAfter) {
    assertThat(threeDays(zone, at, dayBefore, dayAfter))
        .containsExactly(sent(dayBefore), sent(day), sent(dayAfter));
  }

  @Test
  void theSecondOccurrenceOfARepeatedTime_isNoCheckin() {
    CheckinSchedule schedule =
        CheckinSchedule.daily(ZoneId.of("America/New_York"), LocalTime.of(1, 30))
            .sentOn(LocalDate.parse("2026-11-01"));
    Instant secondOccurrence = OffsetDateTime.parse("2026-11-01T01:30-05:00").toInstant();

    assertThat(planner.nextDue(schedule, MEMBER, secondOccurrence))
        .contains(OffsetDateTime.parse("2026-11-02T01:30-05:00").toInstant());
  }

  @Test
  void jitter_isAddedAfterTheGapIsResolved() {
    CheckinPlanner jittered = new CheckinPlanner(SchedulingSettings.DEFAULTS);
    CheckinSchedule schedule =
        CheckinSchedule.daily(ZoneId.of("America/New_York"), LocalTime.of(2, 30));
    Duration offset = Jitter.DEFAULT.offsetFor(MEMBER);

    assertThat(offset).isPositive();
    assertThat(jittered.nextDue(schedule, MEMBER, instant("2026-03-08T00:00-05:00")))
        .contains(instant("2026-03-08T03:30-04:00").plus(offset));
  }

  @Test
  void theTransitionsAreOnTheDatesTheTableAssumes() {
    assertThat(transition("America/New_York", "2026-03-01T00:00Z"))
        .isEqualTo("2026-03-08T02:00-05:00 -> -04:00");
    assertThat(transition("America/New_York", "2026-10-01T00:00Z"))
        .isEqualTo("2026-11-01T02:00-04:00 -> -05:00");
    assertThat(transition("Europe/Berlin", "2026-03-01T00:00Z"))
        .isEqualTo("2026-03-29T02:00+01:00 -> +02:00");
    assertThat(transition("Europe/Berlin", "2026-10-01T00:00Z"))
        .isEqualTo("2026-10-25T03:00+02:00 -> +01:00");
    assertThat(transition("Australia/Lord_Howe", "2026-03-01T00:00Z"))
        .isEqualTo("2026-04-05T02:00+11:00 -> +10:30");
    assertThat(transition("Australia/Lord_Howe", "2026-09-01T00:00Z"))
        .isEqualTo("2026-10-04T02:00+10:30 -> +11:00");
    assertThat(transition("Pacific/Chatham", "2026-03-01T00:00Z"))
        .isEqualTo("2026-04-05T03:45+13:45 -> +12:45");
    assertThat(transition("Pacific/Chatham", "2026-09-01T00:00Z"))
        .isEqualTo("2026-09-27T02:45+12:45 -> +13:45");
    assertThat(ZoneId.of("Asia/Kolkata").getRules().nextTransition(instant("2026-01-01T00:00Z")))
        .isNull();
  }

  private static String transition(String zone, String after) {
    var t = ZoneId.of(zone).getRules().nextTransition(OffsetDateTime.parse(after).toInstant());
    return t.getDateTimeBefore().atOffset(t.getOffsetBefore()) + " -> " + t.getOffsetAfter();
  }

  /**
   * Runs the loop from half a day before the first expected check-in to half a day after the last.
   */
  private List<Sent> threeDays(String zone, String at, String dayBefore, String dayAfter) {
    CheckinSchedule schedule = CheckinSchedule.daily(ZoneId.of(zone), LocalTime.parse(at));
    Instant start = instant(dayBefore).minus(Duration.ofHours(12));
    return new CheckinRun(planner, MEMBER, schedule, start)
        .runUntil(instant(dayAfter).plus(Duration.ofHours(12)))
        .sent();
  }

  private static Sent sent(String at) {
    OffsetDateTime time = OffsetDateTime.parse(at);
    return new Sent(time.toLocalDate(), time.toInstant(), false);
  }

  private static Instant instant(String at) {
    return OffsetDateTime.parse(at).toInstant();
  }
}
