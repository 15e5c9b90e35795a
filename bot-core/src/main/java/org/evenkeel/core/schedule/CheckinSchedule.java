package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a member wants their daily check-in, and what already happened to it: the member's time zone
 * and local check-in time, the days of the week, quiet hours, a pause, the local date they chose to
 * skip, and the local date of the last check-in sent (the at-most-once-per-date guard). Stored as
 * the short text of {@link #encode()}; the rules that turn it into instants are in the package
 * documentation.
 *
 * @param zone the member's IANA time zone
 * @param at local check-in time, a whole minute
 * @param days the days of the week with a check-in, at least one
 * @param quiet local hours in which nothing is sent, if any
 * @param pause a pause of check-ins, if any
 * @param skipped a local date the member chose to skip
 * @param lastSent the local date of the last check-in sent; no date up to it gets another
 */
public record CheckinSchedule(
    ZoneId zone,
    LocalTime at,
    Set<DayOfWeek> days,
    Optional<QuietHours> quiet,
    Optional<Pause> pause,
    Optional<LocalDate> skipped,
    Optional<LocalDate> lastSent) {

  /** The longest pause {@link #pausedFor(int, Instant)} accepts, in days. */
  public static final int MAX_PAUSE_DAYS = 366;

  public CheckinSchedule {
    requireValue(zone, "zone");
    requireValue(at, "check-in time");
    requireValue(days, "days");
    requireValue(quiet, "quiet");
    requireValue(pause, "pause");
    requireValue(skipped, "skipped");
    requireValue(lastSent, "lastSent");
    requireWholeMinute(at, "check-in time");
    require(!days.isEmpty(), "a check-in schedule needs at least one day of the week");
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
  }

  /** A check-in every day at {@code at} in {@code zone}, with nothing else set. */
  public static CheckinSchedule daily(ZoneId zone, LocalTime at) {
    return new CheckinSchedule(
        zone,
        at,
        EnumSet.allOf(DayOfWeek.class),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Reads the text of {@link #encode()}; a malformed text fails naming the field and why. */
  public static CheckinSchedule decode(String text) {
    return ScheduleCodec.decode(text);
  }

  /**
   * The schedule as a short, versioned text for storage, for example {@code
   * 1|Europe/Berlin|0830|1111100|2200-0700|1774771200-1775030400|20260329|20260328}: version, zone,
   * time, days Monday to Sunday, quiet hours, pause (epoch seconds; no end for "until resumed"),
   * skipped date, last sent date; an absent value is an empty field.
   */
  public String encode() {
    return ScheduleCodec.encode(this);
  }

  /** The local date in the member's zone at {@code instant}. */
  public LocalDate localDate(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  public CheckinSchedule withZone(ZoneId value) {
    return new CheckinSchedule(value, at, days, quiet, pause, skipped, lastSent);
  }

  public CheckinSchedule withTime(LocalTime value) {
    return new CheckinSchedule(zone, value, days, quiet, pause, skipped, lastSent);
  }

  public CheckinSchedule withDays(Set<DayOfWeek> value) {
    return new CheckinSchedule(zone, at, value, quiet, pause, skipped, lastSent);
  }

  public CheckinSchedule withQuietHours(QuietHours value) {
    return new CheckinSchedule(zone, at, days, Optional.of(value), pause, skipped, lastSent);
  }

  public CheckinSchedule withoutQuietHours() {
    return new CheckinSchedule(zone, at, days, Optional.empty(), pause, skipped, lastSent);
  }

  public CheckinSchedule withPause(Pause value) {
    return new CheckinSchedule(zone, at, days, quiet, Optional.of(value), skipped, lastSent);
  }

  /**
   * Pauses check-ins for the rest of today and the next {@code days - 1} local dates: they come
   * back at the start of the local date {@code days} days from now ({@code /pause 3} on a Monday
   * brings them back on Thursday), whatever daylight saving does in between.
   */
  public CheckinSchedule pausedFor(int days, Instant now) {
    require(
        days >= 1 && days <= MAX_PAUSE_DAYS,
        "a pause must last 1 to " + MAX_PAUSE_DAYS + " days but was " + days);
    Instant until = localDate(now).plusDays(days).atStartOfDay(zone).toInstant();
    return withPause(Pause.between(now, until));
  }

  /** Pauses check-ins from {@code now} for exactly {@code length}. */
  public CheckinSchedule pausedFor(Duration length, Instant now) {
    requireValue(length, "pause length");
    require(!length.isNegative() && !length.isZero(), "a pause must be positive but was " + length);
    return withPause(Pause.between(now, now.plus(length)));
  }

  /** Pauses check-ins from {@code now} until the member resumes them. */
  public CheckinSchedule pausedUntilResumed(Instant now) {
    return withPause(Pause.untilResumed(now));
  }

  /** Ends any pause; the next slot from now on is sent as usual. */
  public CheckinSchedule resumed() {
    return new CheckinSchedule(zone, at, days, quiet, Optional.empty(), skipped, lastSent);
  }

  /** Skips the check-in of the member's current local date, without touching any other. */
  public CheckinSchedule skipToday(Instant now) {
    return new CheckinSchedule(zone, at, days, quiet, pause, Optional.of(localDate(now)), lastSent);
  }

  /**
   * Records that the check-in of local date {@code date} was sent. The guard only moves forward: a
   * date before the recorded one leaves the schedule unchanged, so a late writer cannot reopen a
   * date.
   */
  public CheckinSchedule sentOn(LocalDate date) {
    requireValue(date, "date");
    if (sentThrough(date)) {
      return this;
    }
    return new CheckinSchedule(zone, at, days, quiet, pause, skipped, Optional.of(date));
  }

  /** Whether the check-in of {@code date} was sent already (on that date or a later one). */
  public boolean sentThrough(LocalDate date) {
    requireValue(date, "date");
    return lastSent.filter(last -> !date.isAfter(last)).isPresent();
  }

  static void requireWholeMinute(LocalTime time, String name) {
    require(
        time.getSecond() == 0 && time.getNano() == 0,
        name + " must be a whole minute but was " + time);
  }
}
