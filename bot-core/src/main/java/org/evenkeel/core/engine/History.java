package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.JOURNAL_EMPTY;
import static org.evenkeel.core.content.RequiredMessages.JOURNAL_ENTRY;
import static org.evenkeel.core.content.RequiredMessages.JOURNAL_HEADER;
import static org.evenkeel.core.content.RequiredMessages.MOOD_EMPTY;
import static org.evenkeel.core.content.RequiredMessages.MOOD_HEADER;
import static org.evenkeel.core.content.RequiredMessages.MOOD_SUMMARY;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.text.FormattedText;

/** Shows a member their own journal and mood history. */
final class History {

  /** Journal entries shown by /journal. */
  static final int JOURNAL_SHOWN = 10;

  /** Days shown by /mood. */
  static final int MOOD_DAYS = 14;

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

  static void mood(Turn turn) {
    LocalDate today = turn.today();
    LocalDate first = today.minusDays(MOOD_DAYS - 1L);
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    for (JournalEntry entry : turn.snapshot.recentJournal()) {
      if (entry.kind() == JournalEntry.Kind.MOOD) {
        LocalDate day = entry.at().atZone(turn.zone()).toLocalDate();
        if (!day.isBefore(first) && !day.isAfter(today)) {
          byDay.put(day, entry.mood().orElseThrow()); // the day's latest entry wins
        }
      }
    }
    if (byDay.isEmpty()) {
      turn.say(MOOD_EMPTY);
      return;
    }
    StringBuilder sparkline = new StringBuilder();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      Integer mood = byDay.get(day);
      sparkline.append(mood == null ? NO_ENTRY : BARS[Math.max(1, Math.min(5, mood)) - 1]);
    }
    double average = byDay.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    FormattedText text =
        turn.text(MOOD_HEADER, Map.of("days", Integer.toString(MOOD_DAYS)))
            .joinLine(
                turn.text(
                    MOOD_SUMMARY,
                    Map.of(
                        "sparkline", sparkline.toString(),
                        "average", String.format(Locale.ROOT, "%.1f", average),
                        "count", Integer.toString(byDay.size()))));
    turn.add(SendMessage.text(text));
  }
}
