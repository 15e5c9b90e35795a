package org.evenkeel.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The slots of one member's schedule: the due instant of each local date, and the searches over
 * them. A slot never lies more than two days from its local date (jitter is at most an hour, quiet
 * hours delay to the next morning at the latest), which bounds the searches.
 */
final class SlotCalendar {

  /** Any seven consecutive dates hold an allowed day; two more cover the slot's drift. */
  private static final int WEEK_AND_DRIFT = 10;

  private final CheckinSchedule schedule;
  private final Duration offset;

  SlotCalendar(CheckinSchedule schedule, Duration offset) {
    this.schedule = schedule;
    this.offset = offset;
  }

  /** Whether {@code date} is one of the chosen days of the week. */
  boolean scheduledOn(LocalDate date) {
    return schedule.days().contains(date.getDayOfWeek());
  }

  /** The due instant of {@code date}'s check-in, whether or not that date has one. */
  Instant instantOn(LocalDate date) {
    Instant at = WallClock.instantOf(date, schedule.at(), schedule.zone()).plus(offset);
    return schedule.quiet().map(q -> q.delay(at, schedule.zone(), offset)).orElse(at);
  }

  /** The latest slot of a scheduled day at or before {@code now}, sent or not. */
  Slot latestAtOrBefore(Instant now) {
    LocalDate date = schedule.localDate(now).plusDays(1);
    for (int i = 0; i < WEEK_AND_DRIFT; i++, date = date.minusDays(1)) {
      if (scheduledOn(date)) {
        Instant at = instantOn(date);
        if (!at.isAfter(now)) {
          return new Slot(date, at);
        }
      }
    }
    throw new IllegalStateException("no check-in slot in the ten days before " + now);
  }

  /** Whether {@code instant} is the due instant of a scheduled day. */
  boolean isSlot(Instant instant) {
    LocalDate date = schedule.localDate(instant).minusDays(2);
    for (int i = 0; i < 4; i++, date = date.plusDays(1)) {
      if (scheduledOn(date) && instantOn(date).equals(instant)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first slot at or after {@code now} that is to be sent: a scheduled day, after the last sent
   * date, not skipped, not paused. Empty when a pause until resumed covers all of them.
   */
  Optional<Slot> firstSendableFrom(Instant now) {
    LocalDate date = schedule.localDate(now).minusDays(2);
    // Dates up to the last sent one are done, in whatever zone they were sent: start after it.
    if (schedule.lastSent().isPresent() && !date.isAfter(schedule.lastSent().get())) {
      date = schedule.lastSent().get().plusDays(1);
    }
    for (int i = 0; i < 3 * WEEK_AND_DRIFT; i++, date = date.plusDays(1)) {
      if (!scheduledOn(date) || schedule.skipped().equals(Optional.of(date))) {
        continue;
      }
      Instant at = instantOn(date);
      if (at.isBefore(now)) {
        continue;
      }
      Optional<Pause> covering = schedule.pause().filter(p -> p.covers(at));
      if (covering.isEmpty()) {
        return Optional.of(new Slot(date, at));
      }
      Optional<Instant> until = covering.get().until();
      if (until.isEmpty()) {
        return Optional.empty();
      }
      // Jump close to the pause's end instead of walking through a long pause day by day.
      date = laterOf(date, schedule.localDate(until.get()).minusDays(3));
    }
    throw new IllegalStateException("no check-in slot found from " + now);
  }

  private static LocalDate laterOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
