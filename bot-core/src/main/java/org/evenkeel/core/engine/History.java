package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.JOURNAL_EMPTY;
import static org.evenkeel.core.content.RequiredMessages.JOURNAL_ENTRY;
import static org.evenkeel.core.content.RequiredMessages.JOURNAL_HEADER;
import static org.evenkeel.core.content.RequiredMessages.MOOD_AVERAGE;
import static org.evenkeel.core.content.RequiredMessages.MOOD_CHART_CAPTION;
import static org.evenkeel.core.content.RequiredMessages.MOOD_EMPTY;
import static org.evenkeel.core.content.RequiredMessages.MOOD_HEADER;
import static org.evenkeel.core.content.RequiredMessages.MOOD_LONGER;
import static org.evenkeel.core.content.RequiredMessages.MOOD_NOTES;
import static org.evenkeel.core.content.RequiredMessages.MOOD_STREAK;
import static org.evenkeel.core.content.RequiredMessages.MOOD_SUMMARY;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.evenkeel.core.chart.MoodChart;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.text.FormattedText;

/** Shows a member their own journal and mood history. */
final class History {

  /** Journal entries shown by /journal. */
  static final int JOURNAL_SHOWN = 10;

  /** Days shown by /mood. */
  static final int MOOD_DAYS = 7;

  /** Days shown by /mood 30. */
  static final int MOOD_DAYS_LONG = 30;

  /** The member's latest notes shown under /mood. */
  static final int NOTES_SHOWN = 5;

  private static final char[] BARS = {'▁', '▂', '▄', '▆', '█'};
  private static final char NO_ENTRY = '·';

  private History() {}

  static void journal(Turn turn) {
    List<JournalEntry> written =
        turn.snapshot.recentJournal().stream().filter(e -> !e.text().isBlank()).toList();
    if (written.isEmpty()) {
      turn.say(JOURNAL_EMPTY);
      return;
    }
    List<JournalEntry> shown =
        written.subList(Math.max(0, written.size() - JOURNAL_SHOWN), written.size());
    DateTimeFormatter date =
        DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag(turn.locale()));
    FormattedText text = turn.text(JOURNAL_HEADER, Map.of("count", Integer.toString(shown.size())));
    for (JournalEntry entry : shown) {
      String day = entry.at().atZone(turn.zone()).format(date);
      String body =
          entry.mood().map(m -> m + "/5 ").orElse("") + FormattedText.escape(entry.text());
      text = text.joinLine(turn.text(JOURNAL_ENTRY, Map.of("date", day, "text", body)));
    }
    turn.add(SendMessage.text(text));
  }

  /**
   * /mood: the last {@link #MOOD_DAYS} days ("/mood 30": the last {@link #MOOD_DAYS_LONG}) as a
   * chart image, with the average, the streak of days checked in and the member's own notes; a text
   * sparkline stands in for the picture when it cannot be drawn. Each day shows its latest mood.
   */
  static void mood(Turn turn, MoodChart.Renderer charts, String arguments) {
    int days = moodDays(arguments);
    LocalDate today = turn.today();
    LocalDate first = today.minusDays(days - 1L);
    SortedMap<LocalDate, Integer> byDay = new TreeMap<>();
    List<JournalEntry> notes = new ArrayList<>();
    Set<LocalDate> checkedIn = new HashSet<>();
    for (JournalEntry entry : turn.snapshot.recentJournal()) {
      if (entry.kind() == JournalEntry.Kind.MOOD) {
        LocalDate day = entry.at().atZone(turn.zone()).toLocalDate();
        checkedIn.add(day);
        if (!day.isBefore(first) && !day.isAfter(today)) {
          byDay.put(day, Math.max(1, Math.min(5, entry.mood().orElseThrow())));
          if (!entry.text().isBlank()) {
            notes.add(entry);
          }
        }
      }
    }
    if (byDay.isEmpty()) {
      turn.say(MOOD_EMPTY);
      return;
    }
    double average = byDay.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    Map<String, String> values =
        Map.of(
            "days", Integer.toString(days),
            "average", String.format(Locale.ROOT, "%.1f", average),
            "count", Integer.toString(byDay.size()),
            "sparkline", sparkline(first, today, byDay));
    FormattedText header = turn.text(MOOD_HEADER, values);
    Optional<byte[]> picture =
        picture(charts, new MoodChart(first, today, byDay, turn.locale(), header.plainText()));
    FormattedText text;
    if (picture.isPresent()) {
      turn.add(
          new SendFile(
              "mood-" + days + "-days.png",
              "image/png",
              picture.get(),
              turn.text(MOOD_CHART_CAPTION, values),
              true));
      text = turn.text(MOOD_AVERAGE, values);
    } else {
      text = header.joinLine(turn.text(MOOD_SUMMARY, values));
    }
    int streak = streak(checkedIn, today);
    if (streak > 1) {
      text = text.joinLine(turn.text(MOOD_STREAK, Map.of("streak", Integer.toString(streak))));
    }
    if (!notes.isEmpty()) {
      text = text.joinLine(turn.text(MOOD_NOTES));
      DateTimeFormatter date =
          DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag(turn.locale()));
      for (JournalEntry note :
          notes.subList(Math.max(0, notes.size() - NOTES_SHOWN), notes.size())) {
        String day = note.at().atZone(turn.zone()).format(date);
        String body = note.mood().orElseThrow() + "/5 " + FormattedText.escape(note.text());
        text = text.joinLine(turn.text(JOURNAL_ENTRY, Map.of("date", day, "text", body)));
      }
    }
    if (days == MOOD_DAYS) {
      text = text.joinLine(turn.text(MOOD_LONGER));
    }
    turn.add(SendMessage.text(text));
  }

  /** "30", "month" or "30 days" asks for the long view; anything else the short one. */
  private static int moodDays(String arguments) {
    String typed = arguments.strip().toLowerCase(Locale.ROOT);
    return typed.startsWith("30") || typed.startsWith("month") ? MOOD_DAYS_LONG : MOOD_DAYS;
  }

  private static Optional<byte[]> picture(MoodChart.Renderer charts, MoodChart chart) {
    try {
      return Optional.of(charts.png(chart));
    } catch (RuntimeException e) {
      return Optional.empty(); // the text form says the same
    }
  }

  private static String sparkline(LocalDate first, LocalDate last, Map<LocalDate, Integer> byDay) {
    StringBuilder sparkline = new StringBuilder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Integer mood = byDay.get(day);
      sparkline.append(mood == null ? NO_ENTRY : BARS[mood - 1]);
    }
    return sparkline.toString();
  }

  /**
   * Days in a row with a check-in, up to today; a today without one yet does not break the streak
   * (the day is not over), so it counts back from yesterday then.
   */
  static int streak(Set<LocalDate> checkedIn, LocalDate today) {
    LocalDate day = checkedIn.contains(today) ? today : today.minusDays(1);
    int streak = 0;
    while (checkedIn.contains(day)) {
      streak++;
      day = day.minusDays(1);
    }
    return streak;
  }
}
