package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.ConversationAddress;

/** The member opened a conversation with the bot (for example Telegram's Start button). */
public record ConversationStarted(String id, ConversationAddress address) implements InboundEvent {

  public ConversationStarted {
    requireValue(id, "id");
    requireValue(address, "address");
  }
}
