package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.evenkeel.core.schedule.CheckinDecision.SkipReason;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;

/**
 * A member changes time zone in the middle of a day. Dates are read in the new zone, and a date
 * already sent (in any zone) gets no second check-in; an item queued for the old zone sends nothing
 * unless the new schedule's own latest check-in is owed and within grace.
 */
class ZoneChangeTest {

  private static final String MEMBER = "telegram:1001";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void berlinToNewYork_afterTodaysBerlinCheckin_newYorkGetsNoSecondOneForThatDate() {
    CheckinRun run =
        new CheckinRun(
                EXACT,
                MEMBER,
                CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0)),
                at("2026-06-10T06:00Z"))
            .runUntil("2026-06-10T12:00Z");

    // 14:00 in Berlin, 08:00 in New York: New York's 09:00 of 10 June is still ahead.
    run.change(s -> s.withZone(NEW_YORK)).runUntil("2026-06-13T00:00Z");

    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-10", "2026-06-10T09:00+02:00"),
            Sent.onTime("2026-06-11", "2026-06-11T09:00-04:00"),
            Sent.onTime("2026-06-12", "2026-06-12T09:00-04:00"));
    assertThat(run.skips()).containsExactly(SkipReason.SCHEDULE_CHANGED);
  }

  @Test
  void berlinToNewYork_replanned_goesStraightToTomorrowInNewYork() {
    CheckinSchedule sentToday =
        CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0)).sentOn(date("2026-06-10"));

    assertThat(EXACT.nextDue(sentToday.withZone(NEW_YORK), MEMBER, at("2026-06-10T12:00Z")))
        .contains(at("2026-06-11T09:00-04:00"));
  }

  @Test
  void berlinToNewYork_beforeTodaysCheckin_todaysGoesOutOnceAtNewYorkTime() {
    CheckinRun run =
        new CheckinRun(
            EXACT,
            MEMBER,
            CheckinSchedule.daily(BERLIN, LocalTime.of(18, 0)),
            at("2026-06-10T06:00Z"));

    run.change(s -> s.withZone(NEW_YORK)).runUntil("2026-06-11T12:00Z");

    assertThat(run.skips()).containsExactly(SkipReason.SCHEDULE_CHANGED);
    assertThat(run.sent()).containsExactly(Sent.onTime("2026-06-10", "2026-06-10T18:00-04:00"));
  }

  @Test
  void londonToBerlin_whenBerlinsTimeJustPassed_theOldItemSendsTodaysOnceLate() {
    Instant switched = at("2026-06-10T07:30Z"); // 08:30 in London, 09:30 in Berlin
    CheckinRun run =
        new CheckinRun(
            EXACT,
            MEMBER,
            CheckinSchedule.daily(ZoneId.of("Europe/London"), LocalTime.of(9, 0)),
            switched);

    run.change(s -> s.withZone(BERLIN)).runUntil("2026-06-12T00:00Z");

    assertThat(run.sent())
        .containsExactly(
            new Sent(date("2026-06-10"), at("2026-06-10T09:00+01:00"), true),
            Sent.onTime("2026-06-11", "2026-06-11T09:00+02:00"));
  }

  @Test
  void londonToBerlin_whenBerlinsTimeJustPassed_andTheItemIsReplanned_todayIsLeftOut() {
    Instant switched = at("2026-06-10T07:30Z");
    CheckinRun run =
        new CheckinRun(
            EXACT,
            MEMBER,
            CheckinSchedule.daily(ZoneId.of("Europe/London"), LocalTime.of(9, 0)),
            switched);

    run.changeAndReplan(s -> s.withZone(BERLIN), switched).runUntil("2026-06-12T00:00Z");

    assertThat(run.sent()).containsExactly(Sent.onTime("2026-06-11", "2026-06-11T09:00+02:00"));
  }

  @Test
  void eastwardOverTheDateLine_theNewZonesNextDateComesTheSameEvening() {
    // Sent at 09:00 in New York on 10 June; at 16:00Z it is already 11 June, 04:00, in Auckland.
    CheckinSchedule sent =
        CheckinSchedule.daily(NEW_YORK, LocalTime.of(9, 0)).sentOn(date("2026-06-10"));

    assertThat(
            EXACT.nextDue(
                sent.withZone(ZoneId.of("Pacific/Auckland")), MEMBER, at("2026-06-10T16:00Z")))
        .contains(at("2026-06-11T09:00+12:00"));
  }

  @Test
  void westwardOverTheDateLine_aDateSentInTheOldZoneIsNotSentAgainInTheNew() {
    // Sent at 09:00 in Auckland on 11 June (21:00Z on 10 June); then the member moves to New York.
    CheckinSchedule sent =
        CheckinSchedule.daily(ZoneId.of("Pacific/Auckland"), LocalTime.of(9, 0))
            .sentOn(date("2026-06-11"));

    assertThat(EXACT.nextDue(sent.withZone(NEW_YORK), MEMBER, at("2026-06-10T22:00Z")))
        .contains(at("2026-06-12T09:00-04:00"));
  }
}
