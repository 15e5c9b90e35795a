package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.schedule.CheckinDecision.Send;
import org.evenkeel.core.schedule.CheckinDecision.Skip;
import org.evenkeel.core.schedule.CheckinDecision.SkipReason;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;

/**
 * Claiming a due item: on time it is sent; after downtime at most one late check-in within the
 * grace window, never a backlog; a date another instance sent is not sent again.
 */
class DowntimeTest {

  private static final String MEMBER = "telegram:1001";

  // Berlin summer time; the bot goes down after Saturday 6 June's check-in.
  private final CheckinSchedule nineAm =
      CheckinSchedule.daily(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0));
  private final Instant nine = at("2026-06-10T09:00+02:00");

  @Test
  void anItemClaimedOnTime_isSent_andTheNextIsTomorrow() {
    assertThat(EXACT.onDue(nineAm, MEMBER, nine, nine))
        .isEqualTo(new Send(date("2026-06-10"), false, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void anItemClaimedWithinAMinute_isStillOnTime_laterItSaysItIsLate() {
    assertThat(EXACT.onDue(nineAm, MEMBER, nine, nine.plusSeconds(60)))
        .isEqualTo(new Send(date("2026-06-10"), false, Optional.of(at("2026-06-11T09:00+02:00"))));
    assertThat(EXACT.onDue(nineAm, MEMBER, nine, nine.plusSeconds(61)))
        .isEqualTo(new Send(date("2026-06-10"), true, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void aDateAnotherInstanceAlreadySent_isNotSentAgain() {
    CheckinSchedule sentElsewhere = nineAm.sentOn(date("2026-06-10"));

    assertThat(EXACT.onDue(sentElsewhere, MEMBER, nine, nine.plusSeconds(5)))
        .isEqualTo(new Skip(SkipReason.ALREADY_SENT, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void anItemClaimedBeforeItsTime_isPutBackAtItsTime() {
    assertThat(EXACT.onDue(nineAm.sentOn(date("2026-06-09")), MEMBER, nine, nine.minusMillis(40)))
        .isEqualTo(new Skip(SkipReason.NOT_DUE_YET, Optional.of(nine)));
  }

  @Test
  void threeDaysDown_backWithinGraceOfTodaysCheckin_sendsOneLateCheckin_thenAsUsual() {
    CheckinRun run =
        new CheckinRun(EXACT, MEMBER, nineAm, at("2026-06-06T08:00+02:00"))
            .runUntil("2026-06-06T12:00+02:00");

    run.downUntil("2026-06-09T10:30+02:00").runUntil("2026-06-12T00:00+02:00");

    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-06", "2026-06-06T09:00+02:00"),
            new Sent(date("2026-06-09"), at("2026-06-09T10:30+02:00"), true),
            Sent.onTime("2026-06-10", "2026-06-10T09:00+02:00"),
            Sent.onTime("2026-06-11", "2026-06-11T09:00+02:00"));
    assertThat(run.skips()).isEmpty();
  }

  @Test
  void threeDaysDown_backAfterTheGraceWindow_sendsNothingLate_andTomorrowsAsUsual() {
    CheckinRun run =
        new CheckinRun(EXACT, MEMBER, nineAm, at("2026-06-06T08:00+02:00"))
            .runUntil("2026-06-06T12:00+02:00");

    run.downUntil("2026-06-09T12:00:01+02:00").runUntil("2026-06-11T00:00+02:00");

    assertThat(run.skips()).containsExactly(SkipReason.GRACE_EXCEEDED);
    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-06", "2026-06-06T09:00+02:00"),
            Sent.onTime("2026-06-10", "2026-06-10T09:00+02:00"));
  }

  @Test
  void threeDaysDown_backBeforeTodaysCheckin_sendsTodaysOnTime_andNoLateOne() {
    CheckinRun run =
        new CheckinRun(EXACT, MEMBER, nineAm, at("2026-06-06T08:00+02:00"))
            .runUntil("2026-06-06T12:00+02:00");

    run.downUntil("2026-06-09T08:00+02:00").runUntil("2026-06-10T00:00+02:00");

    assertThat(run.skips()).containsExactly(SkipReason.GRACE_EXCEEDED);
    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-06", "2026-06-06T09:00+02:00"),
            Sent.onTime("2026-06-09", "2026-06-09T09:00+02:00"));
  }

  @Test
  void theGraceWindow_includesItsLastSecond() {
    Instant threeHoursLate = nine.plus(Duration.ofHours(3));

    assertThat(EXACT.onDue(nineAm, MEMBER, nine, threeHoursLate))
        .isEqualTo(new Send(date("2026-06-10"), true, Optional.of(at("2026-06-11T09:00+02:00"))));
    assertThat(EXACT.onDue(nineAm, MEMBER, nine, threeHoursLate.plusSeconds(1)))
        .isEqualTo(new Skip(SkipReason.GRACE_EXCEEDED, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void withoutGrace_anyLateCheckinIsSkipped() {
    CheckinPlanner strict =
        new CheckinPlanner(
            SchedulingSettings.DEFAULTS.withMaxJitter(Duration.ZERO).withGrace(Duration.ZERO));

    assertThat(strict.onDue(nineAm, MEMBER, nine, nine)).isInstanceOf(Send.class);
    assertThat(strict.onDue(nineAm, MEMBER, nine, nine.plusSeconds(1)))
        .isEqualTo(new Skip(SkipReason.GRACE_EXCEEDED, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void threeDaysDown_everyMemberGetsExactlyOneLateCheckin_thenTheirUsualOnes() {
    CheckinPlanner planner = new CheckinPlanner(SchedulingSettings.DEFAULTS);
    List<String> members =
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> "discord:" + (5000 + i)).toList();

    for (String member : members) {
      CheckinRun run =
          new CheckinRun(planner, member, nineAm, at("2026-06-06T08:00+02:00"))
              .runUntil("2026-06-06T12:00+02:00")
              .downUntil("2026-06-09T10:00+02:00")
              .runUntil("2026-06-12T00:00+02:00");

      assertThat(run.sent()).as(member).hasSize(4).filteredOn(Sent::late).hasSize(1);
      assertThat(run.sent())
          .as(member)
          .extracting(Sent::date)
          .containsExactly(
              date("2026-06-06"), date("2026-06-09"), date("2026-06-10"), date("2026-06-11"));
      assertThat(run.sent().get(1).at()).isEqualTo(at("2026-06-09T10:00+02:00"));
    }
  }

  @Test
  void aLateCheckin_isNotSentToAMemberWhoPausedAfterItsTime() {
    CheckinSchedule pausedAtHalfPast = nineAm.pausedFor(1, nine.plus(Duration.ofMinutes(30)));

    assertThat(EXACT.onDue(pausedAtHalfPast, MEMBER, nine, nine.plus(Duration.ofHours(1))))
        .isEqualTo(new Skip(SkipReason.PAUSED, Optional.of(at("2026-06-11T09:00+02:00"))));
  }

  @Test
  void itemsQueuedBeforeTheJitterSettingChanged_stillSendTodaysCheckin() {
    CheckinPlanner before = new CheckinPlanner(SchedulingSettings.DEFAULTS);
    Instant queued = before.nextDue(nineAm, MEMBER, at("2026-06-10T08:00+02:00")).orElseThrow();

    CheckinDecision after = EXACT.onDue(nineAm, MEMBER, queued, queued);

    assertThat(queued).isNotEqualTo(nine);
    assertThat(after).isInstanceOf(Send.class);
    assertThat(((Send) after).localDate()).isEqualTo(date("2026-06-10"));
  }
}
