package org.evenkeel.core.engine;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.safety.TextNormalizer;
import org.evenkeel.core.schedule.QuietHours;
import org.evenkeel.core.schedule.WeekDays;

/**
 * Reads the answers members type for settings: a time zone, a time of day, days of the week, quiet
 * hours, a country, a mood.
 */
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
      // the region "UTC", not ZoneOffset.UTC: its id "Z" would not read back as a zone
      return Optional.of(ZoneId.of("UTC"));
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

  /**
   * Days of the week as typed: "every day", "weekdays", "weekends", a list of day names or their
   * first three letters in English or the member's language ("mon, wed fri"), or the stored code of
   * seven 0/1 digits Monday to Sunday. Empty when a word is not a day, or no day is named.
   */
  static Optional<Set<DayOfWeek>> days(String text, String locale) {
    String typed = folded(visible(text).strip());
    if (typed.matches("[01]{7}")) {
      return WeekDays.parse(typed);
    }
    switch (typed) {
      case "every day", "everyday", "daily", "all", "all days" -> {
        return Optional.of(EnumSet.allOf(DayOfWeek.class));
      }
      case "weekdays", "work days", "workdays" -> {
        return Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      }
      case "weekends", "weekend" -> {
        return Optional.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
      }
      default -> {}
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String word : typed.split("[\\s,;/&+]+|\\band\\b")) {
      if (word.isBlank()) {
        continue;
      }
      Optional<DayOfWeek> day = day(word.strip(), locale);
      if (day.isEmpty()) {
        return Optional.empty();
      }
      days.add(day.get());
    }
    return days.isEmpty() ? Optional.empty() : Optional.of(days);
  }

  private static Optional<DayOfWeek> day(String word, String locale) {
    for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag(locale))) {
      for (DayOfWeek day : DayOfWeek.values()) {
        String full = folded(day.getDisplayName(TextStyle.FULL, language));
        String shortName = folded(day.getDisplayName(TextStyle.SHORT, language)).replace(".", "");
        if (word.equals(full)
            || word.equals(shortName)
            || (word.length() >= 3 && full.startsWith(word))) {
          return Optional.of(day);
        }
      }
    }
    return Optional.empty();
  }

  /** Lower case without accents, for comparing words: "Miércoles" and "miercoles" match. */
  private static String folded(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  /** Days as stored: seven 0/1 digits, Monday to Sunday. */
  static String daysCode(Set<DayOfWeek> days) {
    return WeekDays.code(days);
  }

  /**
   * Quiet hours as typed, "22:00-07:00" or "10pm to 7am"; "none" or "off" for none (the inner
   * empty). Empty when it cannot be read, or both ends are the same time.
   */
  static Optional<Optional<QuietHours>> quietHours(String text) {
    String typed = visible(text).strip().toLowerCase(Locale.ROOT);
    if (typed.equals("none") || typed.equals("off") || typed.equals("no")) {
      return Optional.of(Optional.empty());
    }
    String[] ends = typed.split("\\s*(?:-|–|—|\\bto\\b|\\buntil\\b)\\s*");
    if (ends.length != 2) {
      return Optional.empty();
    }
    Optional<LocalTime> from = time(ends[0]);
    Optional<LocalTime> until = time(ends[1]);
    if (from.isEmpty() || until.isEmpty() || from.get().equals(until.get())) {
      return Optional.empty();
    }
    return Optional.of(Optional.of(new QuietHours(from.get(), until.get())));
  }

  /** Quiet hours as stored in an answer: {@code HH:mm-HH:mm}. */
  static String quietCode(QuietHours quiet) {
    return quiet.from() + "-" + quiet.until();
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
