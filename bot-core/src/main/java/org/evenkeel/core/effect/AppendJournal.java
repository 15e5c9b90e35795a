package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.JournalEntry;

/** Keep an entry in the member's journal. */
public record AppendJournal(JournalEntry entry) implements Effect {

  public AppendJournal {
    requireValue(entry, "entry");
  }
}
