package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.ConversationAddress;

/**
 * Something the member sent that the bot cannot read, such as a sticker, photo or voice note.
 *
 * @param kind what it was, for logs and metrics (never its content)
 */
public record UnsupportedMessage(String id, ConversationAddress address, String kind)
    implements InboundEvent {

  public UnsupportedMessage {
    requireValue(id, "id");
    requireValue(address, "address");
    requireValue(kind, "kind");
  }
}
