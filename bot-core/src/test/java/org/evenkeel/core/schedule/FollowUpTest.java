package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * One gentle follow-up to an unanswered check-in, never in quiet hours, never into the next one.
 */
class FollowUpTest {

  private static final String MEMBER = "telegram:1001";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void anUnansweredCheckin_getsItsFollowUpFourHoursLater() {
    CheckinSchedule sent =
        CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0)).sentOn(date("2026-06-10"));

    assertThat(EXACT.followUpDue(sent, MEMBER, at("2026-06-10T09:00+02:00")))
        .contains(at("2026-06-10T13:00+02:00"));
  }

  @Test
  void aFollowUpThatWouldFallInQuietHours_waitsForTheirEnd() {
    CheckinSchedule sent =
        CheckinSchedule.daily(BERLIN, LocalTime.of(20, 0))
            .withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)))
            .sentOn(date("2026-06-10"));

    assertThat(EXACT.followUpDue(sent, MEMBER, at("2026-06-10T20:00+02:00")))
        .contains(at("2026-06-11T07:00+02:00"));
  }

  @Test
  void aFollowUpThatWouldReachTheNextCheckin_isDropped() {
    CheckinSchedule sent =
        CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0)).sentOn(date("2026-06-10"));
    Instant nine = at("2026-06-10T09:00+02:00");

    CheckinPlanner dayLater =
        new CheckinPlanner(EXACT.settings().withFollowUpAfter(Duration.ofDays(1)));
    CheckinPlanner justBefore =
        new CheckinPlanner(
            EXACT.settings().withFollowUpAfter(Duration.ofHours(24).minusSeconds(1)));

    assertThat(dayLater.followUpDue(sent, MEMBER, nine)).isEmpty();
    assertThat(justBefore.followUpDue(sent, MEMBER, nine))
        .contains(at("2026-06-11T08:59:59+02:00"));
  }

  @Test
  void aFollowUpPushedByQuietHoursOntoTheNextCheckin_isDropped() {
    // Check-in at 21:00, quiet 22:00-21:00: the follow-up would wait until 21:00 the next day.
    CheckinSchedule sent =
        CheckinSchedule.daily(BERLIN, LocalTime.of(21, 0))
            .withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(21, 0)))
            .sentOn(date("2026-06-10"));

    assertThat(EXACT.followUpDue(sent, MEMBER, at("2026-06-10T21:00+02:00"))).isEmpty();
  }

  @Test
  void aFollowUpThatWouldFallInAPause_isDropped() {
    Instant nine = at("2026-06-10T09:00+02:00");
    CheckinSchedule paused =
        CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0))
            .sentOn(date("2026-06-10"))
            .pausedFor(2, nine.plus(Duration.ofHours(1)));

    assertThat(EXACT.followUpDue(paused, MEMBER, nine)).isEmpty();
  }

  @Test
  void theFollowUp_needsTheScheduleWithTheCheckinRecorded() {
    CheckinSchedule notRecorded = CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0));

    assertThatThrownBy(() -> EXACT.followUpDue(notRecorded, MEMBER, at("2026-06-10T09:00+02:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastSent is empty");
  }
}
