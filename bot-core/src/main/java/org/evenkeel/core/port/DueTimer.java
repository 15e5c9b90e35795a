package org.evenkeel.core.port;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import org.evenkeel.core.model.ConversationAddress;

/**
 * A timer waiting in the due-queue.
 *
 * @param address the conversation it belongs to
 * @param name its name within the conversation
 * @param dueAt when it is due
 * @param pacing whether it paces an exercise the member is watching
 */
public record DueTimer(
    ConversationAddress address, String name, java.time.Instant dueAt, boolean pacing) {

  public DueTimer {
    requireValue(address, "address");
    requireValue(name, "name");
    requireValue(dueAt, "dueAt");
  }

  /** Whether it is due at {@code now}. */
  public boolean dueBy(Instant now) {
    return !dueAt.isAfter(now);
  }
}
