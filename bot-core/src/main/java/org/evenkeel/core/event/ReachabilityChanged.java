package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.ConversationAddress;

/**
 * The member blocked the bot ({@code reachable} false: nothing can be sent to them any more) or
 * unblocked it. Never answered: a blocked member cannot be written to, and an unblocking is not a
 * message. The engine marks the member inactive and ends a flow that was waiting on timers, so
 * nothing proactive goes out to someone who left.
 */
public record ReachabilityChanged(String id, ConversationAddress address, boolean reachable)
    implements InboundEvent {

  public ReachabilityChanged {
    requireValue(id, "id");
    requireValue(address, "address");
  }
}
