package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The local hours in which a member wants no message from the bot, for example 22:00–07:00. The
 * period starts at {@code from} (included) and ends at {@code until} (excluded); when {@code until}
 * is not after {@code from} it wraps midnight.
 *
 * @param from first quiet minute, a whole minute
 * @param until first minute that is no longer quiet, a whole minute other than {@code from}
 */
public record QuietHours(LocalTime from, LocalTime until) {

  public QuietHours {
    requireValue(from, "quiet hours from");
    requireValue(until, "quiet hours until");
    CheckinSchedule.requireWholeMinute(from, "quiet hours from");
    CheckinSchedule.requireWholeMinute(until, "quiet hours until");
    require(
        !from.equals(until),
        "quiet hours must start and end at different times but both were " + from);
  }

  /** Whether the period runs over midnight, like 22:00–07:00. */
  public boolean wrapsMidnight() {
    return until.isBefore(from);
  }

  /** Whether the local time {@code time} is quiet. */
  public boolean contains(LocalTime time) {
    requireValue(time, "time");
    boolean afterStart = !time.isBefore(from);
    boolean beforeEnd = time.isBefore(until);
    return wrapsMidnight() ? afterStart || beforeEnd : afterStart && beforeEnd;
  }

  /**
   * Moves an instant that falls in quiet hours to the end of that quiet period (plus {@code
   * spread}, so members with the same quiet hours do not all wake at the same second); an instant
   * outside quiet hours is returned unchanged.
   */
  Instant delay(Instant instant, ZoneId zone, Duration spread) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    if (!contains(local.toLocalTime())) {
      return instant;
    }
    boolean endsTomorrow = wrapsMidnight() && !local.toLocalTime().isBefore(from);
    var endDate = endsTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    return WallClock.instantOf(endDate, until, zone).plus(spread);
  }

  /** {@code HHmm-HHmm}, as stored. */
  @Override
  public String toString() {
    return ScheduleCodec.time(from) + "-" + ScheduleCodec.time(until);
  }
}
