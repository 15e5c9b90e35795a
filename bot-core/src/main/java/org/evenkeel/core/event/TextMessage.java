package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.ConversationAddress;

/** Free text the member wrote. The safety screen reads every one of these first. */
public record TextMessage(String id, ConversationAddress address, String text)
    implements InboundEvent {

  public TextMessage {
    requireValue(id, "id");
    requireValue(address, "address");
    requireValue(text, "text");
  }
}
