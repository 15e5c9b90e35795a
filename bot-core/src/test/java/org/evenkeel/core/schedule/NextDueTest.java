package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;

/** When the next check-in is due: today or later, on the chosen days, once per local date. */
class NextDueTest {

  private static final String MEMBER = "telegram:1001";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  // Wednesday 10 June 2026; Berlin is on summer time (+02:00).
  private final CheckinSchedule nineAm = CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0));

  @Test
  void beforeTodaysTime_theCheckinIsDueToday() {
    assertThat(EXACT.nextDue(nineAm, MEMBER, at("2026-06-10T08:00+02:00")))
        .contains(at("2026-06-10T09:00+02:00"));
  }

  @Test
  void afterTodaysTime_theCheckinIsDueTomorrow() {
    assertThat(EXACT.nextDue(nineAm, MEMBER, at("2026-06-10T09:00:01+02:00")))
        .contains(at("2026-06-11T09:00+02:00"));
  }

  @Test
  void exactlyAtTheDueInstant_itIsDueNow_unlessThatDateWasSent() {
    Instant nine = at("2026-06-10T09:00+02:00");

    assertThat(EXACT.nextDue(nineAm, MEMBER, nine)).contains(nine);
    assertThat(EXACT.nextDue(nineAm.sentOn(date("2026-06-10")), MEMBER, nine))
        .contains(at("2026-06-11T09:00+02:00"));
  }

  @Test
  void aDateAlreadySent_isNotDueAgain_evenBeforeItsTime() {
    CheckinSchedule sentToday = nineAm.sentOn(date("2026-06-10"));

    assertThat(EXACT.nextDue(sentToday, MEMBER, at("2026-06-10T06:00+02:00")))
        .contains(at("2026-06-11T09:00+02:00"));
  }

  @Test
  void weekdaysOnly_afterFridaysCheckin_theNextIsOnMonday() {
    CheckinSchedule weekdays = nineAm.withDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    assertThat(EXACT.nextDue(weekdays, MEMBER, at("2026-06-12T10:00+02:00")))
        .contains(at("2026-06-15T09:00+02:00"));
  }

  @Test
  void overTwoWeeks_oneCheckinGoesOutOnEachChosenDay_andNoOtherDay() {
    CheckinSchedule weekends = nineAm.withDays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    List<Sent> sent =
        new CheckinRun(EXACT, MEMBER, weekends, at("2026-06-08T00:00+02:00"))
            .runUntil("2026-06-22T00:00+02:00")
            .sent();

    assertThat(sent)
        .containsExactly(
            Sent.onTime("2026-06-13", "2026-06-13T09:00+02:00"),
            Sent.onTime("2026-06-14", "2026-06-14T09:00+02:00"),
            Sent.onTime("2026-06-20", "2026-06-20T09:00+02:00"),
            Sent.onTime("2026-06-21", "2026-06-21T09:00+02:00"));
  }

  @Test
  void theDueInstant_isTheLocalTimePlusTheMembersJitter() {
    CheckinPlanner planner = new CheckinPlanner(SchedulingSettings.DEFAULTS);

    for (String member : List.of("telegram:1001", "telegram:1002", "discord:77")) {
      assertThat(planner.nextDue(nineAm, member, at("2026-06-10T08:00+02:00")))
          .as(member)
          .contains(at("2026-06-10T09:00+02:00").plus(Jitter.DEFAULT.offsetFor(member)));
    }
  }

  @Test
  void theNextCheckin_isNeverBeforeNow_andNeverMoreThanADayAhead_forAnyHourOfAWeek() {
    CheckinPlanner planner = new CheckinPlanner(SchedulingSettings.DEFAULTS);
    Instant start = at("2026-06-08T00:00+02:00");

    for (int hour = 0; hour < 7 * 24; hour++) {
      Instant now = start.plus(Duration.ofHours(hour)).plusSeconds(hour * 37L % 3600);
      Instant due = planner.nextDue(nineAm, MEMBER, now).orElseThrow();

      assertThat(due).as("at %s", now).isAfterOrEqualTo(now);
      assertThat(Duration.between(now, due))
          .as("at %s", now)
          .isLessThanOrEqualTo(Duration.ofDays(1));
    }
  }

  @Test
  void theDateOfTheCheckin_isTheLocalDateOfItsTime_evenWhenJitterCarriesItPastMidnight() {
    CheckinPlanner wideJitter =
        new CheckinPlanner(SchedulingSettings.DEFAULTS.withMaxJitter(Duration.ofHours(1)));
    String member = memberWithOffsetOver(Duration.ofMinutes(10), Duration.ofHours(1));
    CheckinSchedule lateEvening = CheckinSchedule.daily(BERLIN, LocalTime.of(23, 55));

    CheckinRun run =
        new CheckinRun(wideJitter, member, lateEvening, at("2026-06-10T12:00+02:00"))
            .runUntil("2026-06-13T12:00+02:00");

    assertThat(run.sent())
        .extracting(Sent::date)
        .containsExactly(date("2026-06-10"), date("2026-06-11"), date("2026-06-12"));
    assertThat(run.sent())
        .allSatisfy(s -> assertThat(LocalDate.ofInstant(s.at(), BERLIN)).isAfter(s.date()));
  }

  /** A member key whose offset under {@code max} is more than {@code least}. */
  static String memberWithOffsetOver(Duration least, Duration max) {
    Jitter jitter = new Jitter(max);
    for (int i = 0; ; i++) {
      if (jitter.offsetFor("member-" + i).compareTo(least) > 0) {
        return "member-" + i;
      }
    }
  }
}
