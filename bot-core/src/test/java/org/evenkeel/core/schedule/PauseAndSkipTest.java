package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.core.schedule.Times.EXACT;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.evenkeel.core.schedule.CheckinDecision.Skip;
import org.evenkeel.core.schedule.CheckinDecision.SkipReason;
import org.evenkeel.core.schedule.CheckinRun.Sent;
import org.junit.jupiter.api.Test;

/** /pause for some days or until resumed, and "skip today" without guilt. */
class PauseAndSkipTest {

  private static final String MEMBER = "telegram:1001";

  // Wednesday 10 June 2026, Berlin summer time.
  private final CheckinSchedule nineAm =
      CheckinSchedule.daily(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0));

  @Test
  void pauseForThreeDays_beforeTodaysCheckin_skipsThreeDates_thenResumesByItself() {
    Instant now = at("2026-06-10T08:00+02:00");
    CheckinRun run = new CheckinRun(EXACT, MEMBER, nineAm, now);

    run.changeAndReplan(s -> s.pausedFor(3, now), now).runUntil("2026-06-15T00:00+02:00");

    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-13", "2026-06-13T09:00+02:00"),
            Sent.onTime("2026-06-14", "2026-06-14T09:00+02:00"));
  }

  @Test
  void pauseForThreeDays_afterTodaysCheckin_bringsCheckinsBackOnTheThirdDayFromToday() {
    CheckinRun run =
        new CheckinRun(EXACT, MEMBER, nineAm, at("2026-06-10T08:00+02:00"))
            .runUntil("2026-06-10T20:00+02:00");
    Instant evening = at("2026-06-10T20:00+02:00");

    run.changeAndReplan(s -> s.pausedFor(3, evening), evening).runUntil("2026-06-14T00:00+02:00");

    assertThat(run.sent())
        .containsExactly(
            Sent.onTime("2026-06-10", "2026-06-10T09:00+02:00"),
            Sent.onTime("2026-06-13", "2026-06-13T09:00+02:00"));
  }

  @Test
  void aQueuedCheckinThatFallsInAPause_isSkipped_andTheItemMovesToTheEndOfThePause() {
    Instant now = at("2026-06-10T08:00+02:00");
    CheckinRun run = new CheckinRun(EXACT, MEMBER, nineAm, now);

    run.change(s -> s.pausedFor(2, now)).runUntil("2026-06-12T12:00+02:00");

    assertThat(run.skips()).containsExactly(SkipReason.PAUSED);
    assertThat(run.sent()).containsExactly(Sent.onTime("2026-06-12", "2026-06-12T09:00+02:00"));
  }

  @Test
  void pauseUntilResumed_hasNoNextCheckin_untilTheMemberResumes() {
    CheckinSchedule paused = nineAm.pausedUntilResumed(at("2026-06-10T08:00+02:00"));

    assertThat(EXACT.nextDue(paused, MEMBER, at("2026-06-10T08:00+02:00"))).isEmpty();
    assertThat(EXACT.nextDue(paused, MEMBER, at("2027-06-10T08:00+02:00"))).isEmpty();
    assertThat(EXACT.nextDue(paused.resumed(), MEMBER, at("2026-06-20T10:00+02:00")))
        .contains(at("2026-06-21T09:00+02:00"));
  }

  @Test
  void aClaimedItemDuringAPauseUntilResumed_isSkipped_andNotPutBack() {
    CheckinSchedule paused = nineAm.pausedUntilResumed(at("2026-06-10T08:00+02:00"));
    Instant nine = at("2026-06-10T09:00+02:00");

    assertThat(EXACT.onDue(paused, MEMBER, nine, nine))
        .isEqualTo(new Skip(SkipReason.PAUSED, java.util.Optional.empty()));
  }

  @Test
  void aPauseForADuration_endingJustBeforeACheckin_letsThatCheckinThrough() {
    CheckinSchedule paused = nineAm.pausedFor(Duration.ofHours(24), at("2026-06-10T08:00+02:00"));

    assertThat(EXACT.nextDue(paused, MEMBER, at("2026-06-10T08:00+02:00")))
        .contains(at("2026-06-11T09:00+02:00"));
  }

  @Test
  void aPauseForADuration_endingJustAfterACheckin_coversIt() {
    CheckinSchedule paused = nineAm.pausedFor(Duration.ofHours(30), at("2026-06-10T08:00+02:00"));

    assertThat(EXACT.nextDue(paused, MEMBER, at("2026-06-10T08:00+02:00")))
        .contains(at("2026-06-12T09:00+02:00"));
  }

  @Test
  void aLongPause_isJumpedOver_notWalkedDayByDay() {
    CheckinSchedule paused = nineAm.pausedFor(300, at("2026-06-10T08:00+02:00"));

    assertThat(EXACT.nextDue(paused, MEMBER, at("2026-06-10T08:00+02:00")))
        .contains(at("2027-04-06T09:00+02:00"));
  }

  @Test
  void skipToday_beforeTheCheckin_sendsTomorrowsAsUsual() {
    Instant morning = at("2026-06-10T07:00+02:00");
    CheckinRun run = new CheckinRun(EXACT, MEMBER, nineAm, morning);

    run.changeAndReplan(s -> s.skipToday(morning), morning).runUntil("2026-06-12T00:00+02:00");

    assertThat(run.sent()).containsExactly(Sent.onTime("2026-06-11", "2026-06-11T09:00+02:00"));
    assertThat(run.skips()).isEmpty();
  }

  @Test
  void skipToday_whenTodaysItemIsAlreadyQueued_skipsItWhenClaimed() {
    Instant morning = at("2026-06-10T07:00+02:00");
    CheckinRun run = new CheckinRun(EXACT, MEMBER, nineAm, morning);

    run.change(s -> s.skipToday(morning)).runUntil("2026-06-12T00:00+02:00");

    assertThat(run.skips()).containsExactly(SkipReason.MEMBER_SKIPPED);
    assertThat(run.sent()).containsExactly(Sent.onTime("2026-06-11", "2026-06-11T09:00+02:00"));
  }

  @Test
  void skipToday_afterTodaysCheckin_leavesTomorrowAlone() {
    Instant evening = at("2026-06-10T21:00+02:00");
    CheckinSchedule sentToday = nineAm.sentOn(date("2026-06-10")).skipToday(evening);

    assertThat(EXACT.nextDue(sentToday, MEMBER, evening)).contains(at("2026-06-11T09:00+02:00"));
  }
}
