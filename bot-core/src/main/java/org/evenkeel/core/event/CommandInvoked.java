package org.evenkeel.core.event;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.Locale;
import org.evenkeel.core.model.ConversationAddress;

/**
 * A command such as {@code /ground} with whatever the member wrote after it.
 *
 * @param name command name in lower case, without the slash
 * @param arguments the rest of the line, possibly empty; free text that is screened like a message
 */
public record CommandInvoked(String id, ConversationAddress address, String name, String arguments)
    implements InboundEvent {

  public CommandInvoked {
    requireValue(id, "id");
    requireValue(address, "address");
    requireValue(name, "name");
    requireValue(arguments, "arguments");
    // Invisible characters (a zero-width space pasted along) would make a known command unknown.
    name = name.replaceAll("\\p{Cf}", "").toLowerCase(Locale.ROOT);
  }
}
