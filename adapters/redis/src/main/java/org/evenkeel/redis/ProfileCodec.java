package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.schedule.QuietHours;
import org.evenkeel.core.schedule.WeekDays;

/**
 * A {@link Profile} as compact JSON. The member is the key's, so it is not repeated. Fields: {@code
 * f} first seen, {@code l} locale, {@code c} country, {@code z} time zone, {@code t} check-in time,
 * {@code k} consent (1), {@code p} paused (1), {@code u} paused until, {@code a} active (0 when
 * not), {@code d} local date of the last daily check-in; absent fields take the default.
 */
final class ProfileCodec {

  private ProfileCodec() {}

  static String encode(Profile profile) {
    ObjectNode json = Json.object();
    Json.putInstant(json, "f", profile.firstSeen());
    Json.putIfPresent(json, "l", profile.locale());
    Json.putIfPresent(json, "c", profile.country());
    Json.putIfPresent(json, "z", profile.zone());
    Json.putIfPresent(json, "t", profile.checkinTime());
    if (profile.consent()) {
      json.put("k", 1);
    }
    if (profile.pause().paused()) {
      json.put("p", 1);
    }
    Json.putIfPresent(json, "u", profile.pause().until());
    if (!profile.active()) {
      json.put("a", 0);
    }
    Json.putIfPresent(json, "d", profile.lastCheckin());
    Profile.Routine routine = profile.routine();
    if (routine.days().size() < DayOfWeek.values().length) {
      json.put("w", WeekDays.code(routine.days()));
    }
    routine.quiet().ifPresent(q -> json.put("q", q.from() + "-" + q.until()));
    Json.putIfPresent(json, "s", routine.skipped());
    Json.putIfPresent(json, "v", profile.lastActive());
    return Json.write(json);
  }

  static Profile decode(MemberId member, String text) {
    JsonNode json = Json.read(text, "profile");
    return new Profile(
        member,
        Json.instant(json.get("f")),
        Json.optionalText(json, "l"),
        Json.optionalText(json, "c"),
        Json.optionalText(json, "z").map(ZoneId::of),
        Json.optionalText(json, "t").map(LocalTime::parse),
        json.has("k"),
        new Profile.Pause(json.has("p"), Json.optionalText(json, "u").map(LocalDate::parse)),
        !json.has("a"),
        Json.optionalText(json, "d").map(LocalDate::parse),
        new Profile.Routine(
            Json.optionalText(json, "w")
                .map(ProfileCodec::days)
                .orElse(Profile.Routine.EVERY_DAY.days()),
            Json.optionalText(json, "q").map(ProfileCodec::quiet),
            Json.optionalText(json, "s").map(LocalDate::parse)),
        Json.optionalText(json, "v").map(LocalDate::parse));
  }

  private static Set<DayOfWeek> days(String digits) {
    return WeekDays.parse(digits)
        .orElseThrow(
            () -> new IllegalStateException("malformed check-in days in a stored profile"));
  }

  private static QuietHours quiet(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      throw new IllegalStateException("malformed quiet hours in a stored profile");
    }
    return new QuietHours(
        LocalTime.parse(text.substring(0, dash)), LocalTime.parse(text.substring(dash + 1)));
  }
}
