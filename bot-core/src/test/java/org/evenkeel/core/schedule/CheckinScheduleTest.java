package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evenkeel.core.schedule.Times.at;
import static org.evenkeel.core.schedule.Times.date;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schedule value: what it accepts, and how each change the member makes reads. */
class CheckinScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final CheckinSchedule nineAm = CheckinSchedule.daily(BERLIN, LocalTime.of(9, 0));

  @Test
  void daily_isEveryDay_withNothingElseSet() {
    assertThat(nineAm.days()).containsExactlyInAnyOrder(DayOfWeek.values());
    assertThat(nineAm.quiet()).isEmpty();
    assertThat(nineAm.pause()).isEmpty();
    assertThat(nineAm.skipped()).isEmpty();
    assertThat(nineAm.lastSent()).isEmpty();
  }

  @Test
  void aScheduleWithoutDays_isRejected() {
    assertThatThrownBy(() -> nineAm.withDays(Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a check-in schedule needs at least one day of the week");
  }

  @Test
  void theCheckinTime_mustBeAWholeMinute() {
    assertThatThrownBy(() -> nineAm.withTime(LocalTime.of(9, 0, 15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("check-in time must be a whole minute but was 09:00:15");
  }

  @Test
  void absentValues_areEmptyOptionals_notNulls() {
    assertThatThrownBy(
            () ->
                new CheckinSchedule(
                    BERLIN,
                    LocalTime.NOON,
                    EnumSet.allOf(DayOfWeek.class),
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quiet must not be null");
  }

  @Test
  void theDays_areACopy_thatCannotBeChangedFromOutside() {
    Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
    CheckinSchedule mondays = nineAm.withDays(days);

    days.add(DayOfWeek.TUESDAY);

    assertThat(mondays.days()).containsExactly(DayOfWeek.MONDAY);
    assertThatThrownBy(() -> mondays.days().add(DayOfWeek.FRIDAY))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachChange_keepsEverythingElse() {
    CheckinSchedule full =
        nineAm
            .withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)))
            .skipToday(at("2026-06-10T08:00+02:00"))
            .sentOn(date("2026-06-09"));

    CheckinSchedule moved = full.withZone(ZoneId.of("Asia/Kolkata")).withTime(LocalTime.of(7, 30));

    assertThat(moved.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(moved.at()).isEqualTo(LocalTime.of(7, 30));
    assertThat(moved.withZone(BERLIN).withTime(LocalTime.of(9, 0))).isEqualTo(full);
    assertThat(full.withoutQuietHours().quiet()).isEmpty();
  }

  @Test
  void skipToday_skipsTheMembersLocalDate_notTheServers() {
    // 20:00Z on 10 June is already 08:00 on 11 June in Auckland.
    CheckinSchedule auckland =
        CheckinSchedule.daily(ZoneId.of("Pacific/Auckland"), LocalTime.of(9, 0))
            .skipToday(at("2026-06-10T20:00Z"));

    assertThat(auckland.skipped()).contains(date("2026-06-11"));
  }

  @Test
  void sentOn_onlyMovesForward() {
    CheckinSchedule sent = nineAm.sentOn(date("2026-06-10"));

    assertThat(sent.sentOn(date("2026-06-09")).lastSent()).contains(date("2026-06-10"));
    assertThat(sent.sentOn(date("2026-06-11")).lastSent()).contains(date("2026-06-11"));
    assertThat(sent.sentThrough(date("2026-06-10"))).isTrue();
    assertThat(sent.sentThrough(date("2026-06-11"))).isFalse();
  }

  @Test
  void pausingForDays_endsAtTheStartOfALocalDate_evenAcrossDaylightSaving() {
    CheckinSchedule newYork =
        CheckinSchedule.daily(ZoneId.of("America/New_York"), LocalTime.of(9, 0))
            .pausedFor(2, at("2026-03-07T20:00-05:00"));

    assertThat(newYork.pause())
        .contains(Pause.between(at("2026-03-07T20:00-05:00"), at("2026-03-09T00:00-04:00")));
  }

  @Test
  void pausingForDays_acceptsOneToAYear() {
    Instant now = at("2026-06-10T08:00+02:00");

    assertThatThrownBy(() -> nineAm.pausedFor(0, now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pause must last 1 to 366 days but was 0");
    assertThatThrownBy(() -> nineAm.pausedFor(367, now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pause must last 1 to 366 days but was 367");
    assertThatThrownBy(() -> nineAm.pausedFor(Duration.ZERO, now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pause must be positive but was PT0S");
  }

  @Test
  void resumed_endsAnyPause() {
    CheckinSchedule paused = nineAm.pausedUntilResumed(at("2026-06-10T08:00+02:00"));

    assertThat(paused.pause()).contains(Pause.untilResumed(at("2026-06-10T08:00+02:00")));
    assertThat(paused.resumed()).isEqualTo(nineAm);
  }

  @Test
  void aPause_coversFromItsStart_untilJustBeforeItsEnd() {
    Pause pause = Pause.between(at("2026-06-10T08:00Z"), at("2026-06-12T00:00Z"));

    assertThat(pause.covers(at("2026-06-10T07:59:59Z"))).isFalse();
    assertThat(pause.covers(at("2026-06-10T08:00Z"))).isTrue();
    assertThat(pause.covers(at("2026-06-11T23:59:59Z"))).isTrue();
    assertThat(pause.covers(at("2026-06-12T00:00Z"))).isFalse();
    assertThat(Pause.untilResumed(at("2026-06-10T08:00Z")).covers(at("2099-01-01T00:00Z")))
        .isTrue();
  }

  @Test
  void aPause_isKeptToTheSecond_andMustEndAfterItStarts() {
    Pause pause = Pause.between(at("2026-06-10T08:00:00.750Z"), at("2026-06-11T08:00:00.250Z"));

    assertThat(pause.from()).isEqualTo(at("2026-06-10T08:00Z"));
    assertThat(pause.until()).contains(at("2026-06-11T08:00Z"));
    assertThatThrownBy(() -> Pause.between(at("2026-06-10T08:00Z"), at("2026-06-10T08:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "pause must end after it starts (2026-06-10T08:00:00Z) but ended 2026-06-10T08:00:00Z");
  }
}
