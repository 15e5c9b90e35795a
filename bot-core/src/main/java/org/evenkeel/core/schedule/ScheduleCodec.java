package org.evenkeel.core.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored text of a {@link CheckinSchedule}: eight fields separated by {@code |}, the first the
 * format version. Kept short because issue 6 allows at most 150 bytes per scheduled member in
 * Redis; a typical schedule takes under 80.
 */
final class ScheduleCodec {

  static final String VERSION = "1";
  private static final String SEPARATOR = "|";
  private static final int FIELDS = 8;
  private static final String[] NAMES = {
    "version", "zone", "time", "days", "quiet hours", "pause", "skipped", "last sent"
  };

  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3])([0-5][0-9])");
  private static final Pattern DAYS = Pattern.compile("[01]{7}");
  private static final Pattern QUIET = Pattern.compile("([0-9]{4})-([0-9]{4})");
  private static final Pattern PAUSE = Pattern.compile("([0-9]{1,12})-([0-9]{1,12})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{8}");
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private ScheduleCodec() {}

  static String encode(CheckinSchedule s) {
    return String.join(
        SEPARATOR,
        VERSION,
        s.zone().getId(),
        time(s.at()),
        WeekDays.code(s.days()),
        s.quiet().map(QuietHours::toString).orElse(""),
        s.pause().map(ScheduleCodec::pause).orElse(""),
        s.skipped().map(BASIC_DATE::format).orElse(""),
        s.lastSent().map(BASIC_DATE::format).orElse(""));
  }

  static String time(LocalTime time) {
    // Locale.ROOT: some default locales would write the digits in another script.
    return String.format(Locale.ROOT, "%02d%02d", time.getHour(), time.getMinute());
  }

  private static String pause(Pause pause) {
    return pause.from().getEpochSecond()
        + "-"
        + pause.until().map(u -> Long.toString(u.getEpochSecond())).orElse("");
  }

  static CheckinSchedule decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("malformed check-in schedule: null");
    }
    String[] fields = text.split(Pattern.quote(SEPARATOR), -1);
    if (!fields[0].equals(VERSION)) {
      throw malformed(
          0, "'" + fields[0] + "' is not a known format version (expected " + VERSION + ")");
    }
    if (fields.length != FIELDS) {
      throw new IllegalArgumentException(
          "malformed check-in schedule: expected "
              + FIELDS
              + " fields separated by '|' but found "
              + fields.length);
    }
    return new CheckinSchedule(
        zone(fields[1]),
        time(fields[2], 2),
        days(fields[3]),
        optional(fields[4], ScheduleCodec::quiet),
        optional(fields[5], ScheduleCodec::pause),
        optional(fields[6], f -> date(f, 6)),
        optional(fields[7], f -> date(f, 7)));
  }

  private static ZoneId zone(String field) {
    try {
      return ZoneId.of(field);
    } catch (DateTimeException e) {
      throw malformed(1, "'" + field + "' is not a known time zone");
    }
  }

  private static LocalTime time(String field, int index) {
    Matcher m = TIME.matcher(field);
    if (!m.matches()) {
      throw malformed(index, "'" + field + "' is not a time HHmm");
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static Set<DayOfWeek> days(String field) {
    if (!DAYS.matcher(field).matches()) {
      throw malformed(3, "'" + field + "' is not 7 digits 0 or 1 for Monday to Sunday");
    }
    return WeekDays.parse(field).orElseThrow(() -> malformed(3, "no day of the week is chosen"));
  }

  private static QuietHours quiet(String field) {
    Matcher m = QUIET.matcher(field);
    if (!m.matches()) {
      throw malformed(4, "'" + field + "' is not HHmm-HHmm");
    }
    LocalTime from = time(m.group(1), 4);
    LocalTime until = time(m.group(2), 4);
    try {
      return new QuietHours(from, until);
    } catch (IllegalArgumentException e) {
      throw malformed(4, e.getMessage());
    }
  }

  private static Pause pause(String field) {
    Matcher m = PAUSE.matcher(field);
    if (!m.matches()) {
      throw malformed(5, "'" + field + "' is not <epoch seconds>-<epoch seconds or nothing>");
    }
    Instant from = Instant.ofEpochSecond(Long.parseLong(m.group(1)));
    Optional<Instant> until =
        Optional.ofNullable(m.group(2)).map(s -> Instant.ofEpochSecond(Long.parseLong(s)));
    try {
      return new Pause(from, until);
    } catch (IllegalArgumentException e) {
      throw malformed(5, e.getMessage());
    }
  }

  private static LocalDate date(String field, int index) {
    if (DATE.matcher(field).matches()) {
      try {
        return LocalDate.parse(field, BASIC_DATE);
      } catch (DateTimeException e) {
        // reported below, like any other malformed date
      }
    }
    throw malformed(index, "'" + field + "' is not a date yyyyMMdd");
  }

  private static <T> Optional<T> optional(String field, Function<String, T> parser) {
    return field.isEmpty() ? Optional.empty() : Optional.of(parser.apply(field));
  }

  private static IllegalArgumentException malformed(int index, String why) {
    return new IllegalArgumentException(
        "malformed check-in schedule: field " + (index + 1) + " (" + NAMES[index] + "): " + why);
  }
}
