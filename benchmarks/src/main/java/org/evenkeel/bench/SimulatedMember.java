package org.evenkeel.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;

/**
 * One member in a private chat who answers each reply: usually by tapping one of the buttons it
 * offered, otherwise by writing one of a few everyday messages (which start flows, answer a text
 * question, log a mood or get the fallback) or, without free text, by sending {@code /menu}. When
 * an event got no answer (a flow waits for a timer, and no timers fire in this load) the member
 * sends {@code /stop}, which leaves any flow. Used by one thread at a time: the load keeps at most
 * one of its events in flight.
 */
final class SimulatedMember {

  private static final List<String> TEXTS =
      List.of(
          "hi",
          "i feel overwhelmed",
          "let me do my gratitude",
          "i want to check in",
          "breathing exercise",
          "3/5",
          "thanks, that helped",
          "walked the dog by the river after work today",
          "what can i do right now",
          "had a rough day but i'm ok");

  private final ConversationAddress address;
  private final SplittableRandom random;
  private final boolean freeText;
  private long sent;
  private long repliesSeen;

  SimulatedMember(String platform, int number, long seed, boolean freeText) {
    this.address = ConversationAddress.direct(platform, "u" + number);
    this.random = new SplittableRandom(seed + number);
    this.freeText = freeText;
  }

  ConversationAddress address() {
    return address;
  }

  /** The member's next event, given the latest reply they got. */
  InboundEvent next(RecordingOutbound.Reply latest) {
    boolean answered = latest.number() > repliesSeen || sent == 0;
    repliesSeen = latest.number();
    String id = address.key() + ":" + ++sent;
    if (!answered) {
      return new CommandInvoked(id, address, "stop", "");
    }
    if (!latest.buttons().isEmpty() && random.nextInt(4) != 0) {
      return tap(id, latest.buttons());
    }
    if (latest.buttons().isEmpty() && !latest.earlier().isEmpty() && random.nextInt(4) == 0) {
      return tap(id, latest.earlier());
    }
    if (!freeText) {
      return new CommandInvoked(id, address, "menu", "");
    }
    return new TextMessage(id, address, TEXTS.get(random.nextInt(TEXTS.size())));
  }

  private ButtonPressed tap(String id, List<Choice> buttons) {
    return new ButtonPressed(id, address, buttons.get(random.nextInt(buttons.size())).payload());
  }
}
