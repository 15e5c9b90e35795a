package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import org.evenkeel.core.model.ConversationAddress;

/**
 * A timer the engine set earlier came due.
 *
 * @param name the timer's name as given in {@link org.evenkeel.core.effect.StartTimer}
 * @param dueAt when it was due (it may be handled later, after downtime)
 */
public record TimerFired(String id, ConversationAddress address, String name, Instant dueAt)
    implements InboundEvent {

  public TimerFired {
    requireValue(id, "id");
    requireValue(address, "address");
    requireValue(name, "name");
    requireValue(dueAt, "dueAt");
  }

  /** A timer event whose id is the same every time this timer instance fires. */
  public static TimerFired of(ConversationAddress address, String name, Instant dueAt) {
    return new TimerFired(
        "timer:" + address.key() + ":" + name + ":" + dueAt.toEpochMilli(), address, name, dueAt);
  }
}
