package org.evenkeel.core.port;

import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TimerFired;

/**
 * Which of the two sending lanes of ARCHITECTURE.md a turn's messages take.
 *
 * <p>A member waiting for an answer is never held back for the bot's own initiatives: replies go in
 * the {@link #INTERACTIVE} lane, paced only per chat and by the platform's overall limit, while
 * what the bot sends unasked (daily check-ins, follow-ups, celebrations) goes in the {@link
 * #PROACTIVE} lane, which also takes from a bucket of its own, set below the platform's limit, so
 * the interactive lane always keeps room.
 */
public enum Lane {
  /** Replies to what the member just did, and the pacing of an exercise they are watching. */
  INTERACTIVE,
  /** What the bot sends unasked: scheduled timers, check-ins, celebrations. */
  PROACTIVE;

  /**
   * The lane of the messages a turn for {@code event} sends: proactive for a scheduled timer,
   * interactive for everything else (a message, a button, a command, an exercise's pacing timer).
   */
  public static Lane of(InboundEvent event) {
    return event instanceof TimerFired timer && !StartTimer.isPacing(timer.name())
        ? PROACTIVE
        : INTERACTIVE;
  }
}
