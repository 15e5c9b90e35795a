package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Optional;
import org.evenkeel.core.text.FormattedText;

/**
 * Send a message, optionally with buttons.
 *
 * @param text the message
 * @param choices buttons under it, in order
 * @param ref the engine's name for this message when it will be edited later
 */
public record SendMessage(FormattedText text, List<Choice> choices, Optional<String> ref)
    implements Effect {

  public SendMessage {
    requireValue(text, "text");
    choices = List.copyOf(choices);
    requireValue(ref, "ref");
  }

  public static SendMessage text(FormattedText text) {
    return new SendMessage(text, List.of(), Optional.empty());
  }

  public static SendMessage withChoices(FormattedText text, List<Choice> choices) {
    return new SendMessage(text, choices, Optional.empty());
  }
}
