package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.util.Optional;

/**
 * One thing a member chose to keep: a good thing (gratitude), a mood check-in or a note.
 *
 * @param kind what sort of entry
 * @param at when it was written
 * @param text what the member wrote, possibly empty
 * @param mood the mood on a 1–5 scale for {@link Kind#MOOD}, else empty
 */
public record JournalEntry(Kind kind, Instant at, String text, Optional<Integer> mood) {

  /** Longest text kept in one entry, in characters. */
  public static final int TEXT_MAX_LENGTH = 4000;

  public JournalEntry {
    requireValue(kind, "kind");
    requireValue(at, "at");
    requireValue(text, "text");
    requireValue(mood, "mood");
    require(text.length() <= TEXT_MAX_LENGTH, "journal text over " + TEXT_MAX_LENGTH + " chars");
    require(kind != Kind.MOOD || mood.isPresent(), "a mood entry needs a mood");
  }

  public static JournalEntry gratitude(Instant at, String text) {
    return new JournalEntry(Kind.GRATITUDE, at, text, Optional.empty());
  }

  public static JournalEntry note(Instant at, String text) {
    return new JournalEntry(Kind.NOTE, at, text, Optional.empty());
  }

  public static JournalEntry mood(Instant at, int mood, String note) {
    return new JournalEntry(Kind.MOOD, at, note, Optional.of(mood));
  }

  /** Kinds of journal entries; the name in lower case is the content file's spelling. */
  public enum Kind {
    GRATITUDE,
    MOOD,
    NOTE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
