package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.ConversationAddress;

/**
 * The member tapped a button. The payload is whatever the engine put on the button, returned by the
 * platform untouched, or forged: the engine checks it against the current step.
 */
public record ButtonPressed(String id, ConversationAddress address, String payload)
    implements InboundEvent {

  public ButtonPressed {
    requireValue(id, "id");
    requireValue(address, "address");
    requireValue(payload, "payload");
  }
}
