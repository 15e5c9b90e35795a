package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;

/** Quiet hours win over the check-in time: a check-in inside them waits for their end. */
class QuietHoursTest {

  private static final String MEMBER = "telegram:1001";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  @Test
  void quietHoursOverMidnight_includeTheirStart_andEndBeforeTheirEnd() {
    assertThat(NIGHT.wrapsMidnight()).isTrue();
    assertThat(NIGHT.contains(LocalTime.of(22, 0))).isTrue();
    assertThat(NIGHT.contains(LocalTime.MIDNIGHT)).isTrue();
    assertThat(NIGHT.contains(LocalTime.of(6, 59))).isTrue();
    assertThat(NIGHT.contains(LocalTime.of(7, 0))).isFalse();
    assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
    assertThat(NIGHT.contains(LocalTime.NOON)).isFalse();
  }

  @Test
  void quietHoursWithinADay_coverOnlyThatStretch() {
    QuietHours nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));

    assertThat(nap.wrapsMidnight()).isFalse();
    assertThat(nap.contains(LocalTime.of(13, 0))).isTrue();
    assertThat(nap.contains(LocalTime.of(14, 59))).isTrue();
    assertThat(nap.contains(LocalTime.of(15, 0))).isFalse();
    assertThat(nap.contains(LocalTime.of(12, 59))).isFalse();
    assertThat(nap.contains(LocalTime.of(23, 0))).isFalse();
  }

  @Test
  void quietHours_mustStartAndEndAtDifferentWholeMinutes() {
    assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quiet hours must start and end at different times but both were 22:00");
    assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0, 30), LocalTime.of(7, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quiet hours from must be a whole minute but was 22:00:30");
  }

  @Test
  void aCheckinOutsideQuietHours_keepsItsTime() {
    CheckinSchedule s = CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0)).withQuietHours(NIGHT);

    assertThat(EXACT.nextDue(s, MEMBER, at("2026-06-10T08:00+02:00")))
        .contains(at("2026-06-10T09:00+02:00"));
  }

  @Test
  void anEarlyCheckinInsideQuietHours_waitsForTheirEndTheSameMorning() {
    CheckinSchedule s = CheckinSchedule.daily(BERLIN, LocalTime.of(5, 0)).withQuietHours(NIGHT);

    assertThat(EXACT.nextDue(s, MEMBER, at("2026-06-10T01:00+02:00")))
        .contains(at("2026-06-10T07:00+02:00"));
  }

  @Test
  void aLateCheckinInsideQuietHours_goesOutTheNextMorning_stillOncePerDate() {
    CheckinSchedule s = CheckinSchedule.daily(BERLIN, LocalTime.of(23, 0)).withQuietHours(NIGHT);

    CheckinRun run =
        new CheckinRun(EXACT, MEMBER, s, at("2026-06-10T12:00+02:00"))
            .runUntil("2026-06-13T12:00+02:00");

    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-10", "2026-06-11T07:00+02:00"),
            Sent.onTime("2026-06-11", "2026-06-12T07:00+02:00"),
            Sent.onTime("2026-06-12", "2026-06-13T07:00+02:00"));
  }

  @Test
  void jitterThatWouldCarryACheckinIntoQuietHours_delaysItToTheirEndPlusTheJitter() {
    CheckinPlanner planner = new CheckinPlanner(SchedulingSettings.DEFAULTS);
    String member = NextDueTest.memberWithOffsetOver(Duration.ofMinutes(1), Jitter.DEFAULT_MAX);
    Duration offset = Jitter.DEFAULT.offsetFor(member);
    CheckinSchedule s =
        CheckinSchedule.daily(BERLIN, LocalTime.of(8, 59))
            .withQuietHours(new QuietHours(LocalTime.of(9, 0), LocalTime.of(10, 0)));

    assertThat(planner.nextDue(s, member, at("2026-06-10T08:00+02:00")))
        .contains(at("2026-06-10T10:00+02:00").plus(offset));
  }

  @Test
  void quietHoursEndingInsideTheSpringForwardGap_endWhenTheClockHasMovedOn() {
    CheckinSchedule s =
        CheckinSchedule.daily(ZoneId.of("America/New_York"), LocalTime.of(23, 0))
            .withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30)));

    assertThat(EXACT.nextDue(s, MEMBER, at("2026-03-07T12:00-05:00")))
        .contains(at("2026-03-08T03:30-04:00"));
  }
}
