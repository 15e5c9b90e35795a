package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

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
    Optional<LocalDate> lastCheckin) {

  public Profile {
    requireValue(member, "member");
    requireValue(firstSeen, "firstSeen");
    requireValue(locale, "locale");
    requireValue(country, "country");
    requireValue(zone, "zone");
    requireValue(checkinTime, "checkinTime");
    requireValue(pause, "pause");
    requireValue(lastCheckin, "lastCheckin");
  }

  /** A profile as stored before daily check-ins were sent. */
  public Profile(
      MemberId member,
      Instant firstSeen,
      Optional<String> locale,
      Optional<String> country,
      Optional<ZoneId> zone,
      Optional<LocalTime> checkinTime,
      boolean consent,
      Pause pause,
      boolean active) {
    this(
        member,
        firstSeen,
        locale,
        country,
        zone,
        checkinTime,
        consent,
        pause,
        active,
        Optional.empty());
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
        true);
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
        lastCheckin);
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
        lastCheckin);
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
        lastCheckin);
  }

  public Profile withCheckinTime(Optional<LocalTime> value) {
    return new Profile(
        member, firstSeen, locale, country, zone, value, consent, pause, active, lastCheckin);
  }

  public Profile withConsent(boolean value) {
    return new Profile(
        member, firstSeen, locale, country, zone, checkinTime, value, pause, active, lastCheckin);
  }

  public Profile withPause(Pause value) {
    return new Profile(
        member, firstSeen, locale, country, zone, checkinTime, consent, value, active, lastCheckin);
  }

  public Profile withFirstSeen(Instant value) {
    return new Profile(
        member, value, locale, country, zone, checkinTime, consent, pause, active, lastCheckin);
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
        Optional.of(value));
  }

  public Profile withActive(boolean value) {
    return new Profile(
        member, firstSeen, locale, country, zone, checkinTime, consent, pause, value, lastCheckin);
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
