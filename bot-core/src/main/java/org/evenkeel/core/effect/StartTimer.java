package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;

/**
 * Set (or replace) a timer of this conversation; when due it comes back as a {@link
 * org.evenkeel.core.event.TimerFired}.
 *
 * @param name unique within the conversation; setting it again replaces the earlier one
 * @param dueAt when it fires
 * @param pacing true for the short timers that pace an exercise the member is watching, false for
 *     scheduled ones (a follow-up hours later); a script waits for pacing timers only
 */
public record StartTimer(String name, Instant dueAt, boolean pacing) implements Effect {

  /**
   * How the names of pacing timers begin, and no other timer's: a fired timer's lane ({@link
   * org.evenkeel.core.port.Lane#of}) is told by its name, the only thing a due timer keeps.
   */
  public static final String PACING_PREFIX = "pace.";

  public StartTimer {
    requireValue(name, "name");
    requireValue(dueAt, "dueAt");
    if (pacing != isPacing(name)) {
      throw new IllegalArgumentException(
          "a pacing timer's name, and only its, begins with '"
              + PACING_PREFIX
              + "' but timer '"
              + name
              + "' has pacing="
              + pacing);
    }
  }

  /** Whether a timer so named paces an exercise (see {@link #PACING_PREFIX}). */
  public static boolean isPacing(String name) {
    return name.startsWith(PACING_PREFIX);
  }
}
