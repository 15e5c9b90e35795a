package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.ConversationStarted;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.model.ConversationAddress;

/**
 * An inbound event as compact JSON, while it waits in its conversation's mailbox. The address is
 * the mailbox key's, so it is not repeated. Fields: {@code t} the type ({@code x} text, {@code c}
 * command, {@code b} button, {@code s} conversation started, {@code f} timer fired, {@code u}
 * unsupported), {@code i} the event id (always present: {@code mail_pop.lua} reads it), {@code x}
 * text, {@code n} command or timer name, {@code a} command arguments (left out when empty), {@code
 * p} button payload, {@code d} when the timer was due, {@code k} what kind of unsupported message.
 */
final class EventCodec {

  private EventCodec() {}

  static String encode(InboundEvent event) {
    ObjectNode json = Json.object();
    if (event instanceof TextMessage text) {
      json.put("t", "x").put("i", text.id()).put("x", text.text());
    } else if (event instanceof CommandInvoked command) {
      json.put("t", "c").put("i", command.id()).put("n", command.name());
      if (!command.arguments().isEmpty()) {
        json.put("a", command.arguments());
      }
    } else if (event instanceof ButtonPressed button) {
      json.put("t", "b").put("i", button.id()).put("p", button.payload());
    } else if (event instanceof ConversationStarted started) {
      json.put("t", "s").put("i", started.id());
    } else if (event instanceof TimerFired timer) {
      json.put("t", "f").put("i", timer.id()).put("n", timer.name());
      Json.putInstant(json, "d", timer.dueAt());
    } else if (event instanceof ReachabilityChanged change) {
      json.put("t", "r").put("i", change.id()).put("r", change.reachable() ? 1 : 0);
    } else if (event instanceof UnsupportedMessage unsupported) {
      json.put("t", "u").put("i", unsupported.id()).put("k", unsupported.kind());
    } else {
      // Unreachable while InboundEvent stays sealed; a new event type must be added here.
      throw new IllegalArgumentException("no encoding for event type " + event.getClass());
    }
    return Json.write(json);
  }

  static InboundEvent decode(ConversationAddress address, String text) {
    JsonNode json = Json.read(text, "mailbox event");
    String type = json.get("t").asText();
    String id = json.get("i").asText();
    return switch (type) {
      case "x" -> new TextMessage(id, address, json.get("x").asText());
      case "c" -> new CommandInvoked(id, address, json.get("n").asText(), json.path("a").asText());
      case "b" -> new ButtonPressed(id, address, json.get("p").asText());
      case "s" -> new ConversationStarted(id, address);
      case "f" -> new TimerFired(id, address, json.get("n").asText(), Json.instant(json.get("d")));
      case "u" -> new UnsupportedMessage(id, address, json.get("k").asText());
      case "r" -> new ReachabilityChanged(id, address, json.get("r").asInt() == 1);
      default -> throw new IllegalStateException("stored event of unknown type '" + type + "'");
    };
  }
}
