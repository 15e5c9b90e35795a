package org.evenkeel.core.engine;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.safety.TextNormalizer;

/** Reads the answers members type for settings: a time zone, a time of day, a country, a mood. */
final class Answers {

  private static final Pattern OFFSET =
      Pattern.compile("(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?:[:.]?(\\d{2}))?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|h)?");
  private static final Pattern MOOD_OF_FIVE = Pattern.compile("\\b([1-5])\\s*(?:/|out of)\\s*5\\b");
  // Zero-width and direction marks that keyboards (RTL ones especially) slip into what is typed.
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
  private static final Map<String, String> ZONES_BY_NAME = zonesByName();
  private static final Map<String, String> COUNTRIES_BY_NAME = countriesByName();

  private Answers() {}

  static Optional<ZoneId> zone(String text) {
    String trimmed = text.trim();
    String key = TextNormalizer.normalize(trimmed).replace('_', ' ');
    if (key.equals("utc") || key.equals("gmt")) {
      return Optional.of(ZoneOffset.UTC);
    }
    String byName = ZONES_BY_NAME.get(key);
    if (byName != null) {
      return Optional.of(ZoneId.of(byName));
    }
    Matcher offset = OFFSET.matcher(key.replace(" ", ""));
    if (offset.matches()) {
      try {
        int hours = Integer.parseInt(offset.group(2));
        int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
        int sign = offset.group(1).equals("-") ? -1 : 1;
        return Optional.of(
            ZoneId.ofOffset("UTC", ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<LocalTime> time(String text) {
    Matcher m = TIME.matcher(visible(text).trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String suffix = m.group(3) == null ? "" : m.group(3).replace(".", "");
    if (suffix.equals("am") || suffix.equals("pm")) {
      if (hour < 1 || hour > 12) {
        return Optional.empty();
      }
      hour = hour % 12 + (suffix.equals("pm") ? 12 : 0);
    }
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }

  static Optional<String> country(String text) {
    String key = TextNormalizer.normalize(text).replaceAll("[.]", "");
    if (key.length() == 2) {
      String code = key.toUpperCase(Locale.ROOT);
      if (java.util.Set.of(Locale.getISOCountries()).contains(code)) {
        return Optional.of(code);
      }
    }
    return Optional.ofNullable(COUNTRIES_BY_NAME.get(key));
  }

  /** A mood written as "4/5" or "4 out of 5". */
  static Optional<Integer> moodOutOfFive(String text) {
    Matcher m = MOOD_OF_FIVE.matcher(visible(text).toLowerCase(Locale.ROOT));
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** A number from {@code min} to {@code max} at the start of the text ("4", "4/5", "4 - ok"). */
  static Optional<Integer> scale(String text, int min, int max) {
    Matcher m = Pattern.compile("^\\s*(-?\\d{1,2})(?!\\d)").matcher(visible(text));
    if (!m.find()) {
      return Optional.empty();
    }
    int value = Integer.parseInt(m.group(1));
    return value >= min && value <= max ? Optional.of(value) : Optional.empty();
  }

  private static String visible(String text) {
    return INVISIBLE.matcher(text).replaceAll("");
  }

  private static Map<String, String> zonesByName() {
    Map<String, String> out = new HashMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (!id.contains("/") || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
        continue;
      }
      out.put(TextNormalizer.normalize(id).replace('_', ' '), id);
      String city = id.substring(id.lastIndexOf('/') + 1);
      out.putIfAbsent(TextNormalizer.normalize(city).replace('_', ' '), id);
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> countriesByName() {
    Map<String, String> out = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      out.put(
          TextNormalizer.normalize(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    Map.of(
            "usa", "US",
            "america", "US",
            "united states of america", "US",
            "uk", "GB",
            "england", "GB",
            "scotland", "GB",
            "wales", "GB",
            "northern ireland", "GB",
            "great britain", "GB",
            "holland", "NL")
        .forEach(out::put);
    return Map.copyOf(out);
  }
}
