package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.schedule.QuietHours;

/**
 * What a member chose about themselves: language, country (for crisis resources), time zone, daily
 * check-in time and pause. Kept until the member asks to forget it.
 *
 * @param member who this is
 * @param firstSeen when the member first wrote to the bot
 * @param locale chosen language, or empty for the content's fallback
 * @param country ISO 3166 alpha-2 code chosen for crisis resources
 * @param zone IANA time zone
 * @param checkinTime local time of the daily check-in, empty for none
 * @param consent whether the member accepted the privacy notice
 * @param pause whether and until when check-ins are paused
 * @param active false once the member blocked the bot; nothing proactive is sent then
 * @param lastCheckin the member's local date of the last daily check-in sent: at most one a date
 * @param routine the days of the week, quiet hours and skipped date of the daily check-in
 * @param lastActive the member's local date when they last wrote to the bot, kept only when a
 *     retention period is configured
 */
public record Profile(
    MemberId member,
    Instant firstSeen,
    Optional<String> locale,
    Optional<String> country,
    Optional<ZoneId> zone,
    Optional<LocalTime> checkinTime,
    boolean consent,
    Pause pause,
    boolean active,
    Optional<LocalDate> lastCheckin,
    Routine routine,
    Optional<LocalDate> lastActive) {

  public Profile {
    requireValue(member, "member");
    requireValue(firstSeen, "firstSeen");
    requireValue(locale, "locale");
    requireValue(country, "country");
    requireValue(zone, "zone");
    requireValue(checkinTime, "checkinTime");
    requireValue(pause, "pause");
    requireValue(lastCheckin, "lastCheckin");
    requireValue(routine, "routine");
    requireValue(lastActive, "lastActive");
  }

  /** The profile of a member seen for the first time. */
  public static Profile newMember(MemberId member, Instant now) {
    return new Profile(
        member,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Pause.NONE,
        true,
        Optional.empty(),
        Routine.EVERY_DAY,
        Optional.empty());
  }

  public Profile withLocale(String value) {
    return new Profile(
        member,
        firstSeen,
        Optional.of(value),
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withCountry(String value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        Optional.of(value),
        zone,
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withZone(ZoneId value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        Optional.of(value),
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withCheckinTime(Optional<LocalTime> value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        value,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withConsent(boolean value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        value,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withPause(Pause value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        value,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withFirstSeen(Instant value) {
    return new Profile(
        member,
        value,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withLastCheckin(LocalDate value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        Optional.of(value),
        routine,
        lastActive);
  }

  public Profile withActive(boolean value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        value,
        lastCheckin,
        routine,
        lastActive);
  }

  public Profile withRoutine(Routine value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        value,
        lastActive);
  }

  public Profile withLastActive(LocalDate value) {
    return new Profile(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        lastCheckin,
        routine,
        Optional.of(value));
  }

  /**
   * The finer choices about the daily check-in.
   *
   * @param days the days of the week with a check-in, at least one
   * @param quiet local hours in which nothing is sent, if any
   * @param skipped a local date the member chose to skip ("skip today")
   */
  public record Routine(
      Set<DayOfWeek> days, Optional<QuietHours> quiet, Optional<LocalDate> skipped) {

    /** Every day, no quiet hours, nothing skipped. */
    public static final Routine EVERY_DAY =
        new Routine(EnumSet.allOf(DayOfWeek.class), Optional.empty(), Optional.empty());

    public Routine {
      requireValue(days, "days");
      requireValue(quiet, "quiet");
      requireValue(skipped, "skipped");
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a routine needs at least one day of the week");
      }
      days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public Routine withDays(Set<DayOfWeek> value) {
      return new Routine(value, quiet, skipped);
    }

    public Routine withQuiet(Optional<QuietHours> value) {
      return new Routine(days, value, skipped);
    }

    public Routine withSkipped(Optional<LocalDate> value) {
      return new Routine(days, quiet, value);
    }
  }

  /**
   * Whether daily check-ins are paused.
   *
   * @param paused true while paused
   * @param until last paused local date, empty for "until I resume"
   */
  public record Pause(boolean paused, Optional<LocalDate> until) {
    public static final Pause NONE = new Pause(false, Optional.empty());

    public Pause {
      requireValue(until, "until");
    }

    public static Pause until(LocalDate date) {
      return new Pause(true, Optional.of(date));
    }

    public static Pause indefinitely() {
      return new Pause(true, Optional.empty());
    }
  }
}
