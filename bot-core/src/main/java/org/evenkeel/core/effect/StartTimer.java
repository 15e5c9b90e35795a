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

  public StartTimer {
    requireValue(name, "name");
    requireValue(dueAt, "dueAt");
  }
}
