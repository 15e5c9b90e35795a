package org.evenkeel.console;

import java.util.List;
import java.util.Locale;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;

/**
 * Maps a typed line to an event: {@code /name args} is a command; a number or label of the latest
 * buttons presses that button; anything else is free text (and passes the safety screen).
 */
final class ConsoleInput {

  private ConsoleInput() {}

  static InboundEvent map(
      String id, ConversationAddress address, String line, List<Choice> buttons) {
    String trimmed = line.strip();
    if (trimmed.startsWith("/")
        && trimmed.length() > 1
        && !Character.isWhitespace(trimmed.charAt(1))) {
      String[] parts = trimmed.substring(1).split("\\s+", 2);
      String name = parts[0];
      int at = name.indexOf('@'); // "/help@evenkeel_bot", as groups write it
      if (at > 0) {
        name = name.substring(0, at);
      }
      return new CommandInvoked(id, address, name, parts.length > 1 ? parts[1] : "");
    }
    for (int i = 0; i < buttons.size(); i++) {
      Choice choice = buttons.get(i);
      if (trimmed.equals(Integer.toString(i + 1)) || same(trimmed, choice.label())) {
        return new ButtonPressed(id, address, choice.payload());
      }
    }
    return new TextMessage(id, address, line);
  }

  private static boolean same(String typed, String label) {
    return !typed.isEmpty()
        && typed.toLowerCase(Locale.ROOT).equals(label.strip().toLowerCase(Locale.ROOT));
  }
}
