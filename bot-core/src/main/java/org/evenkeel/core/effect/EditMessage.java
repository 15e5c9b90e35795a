package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import org.evenkeel.core.text.FormattedText;

/**
 * Replace the text and buttons of a message sent earlier with a {@link SendMessage#ref()}. An
 * adapter that cannot edit sends the new text as a new message.
 */
public record EditMessage(String ref, FormattedText text, List<Choice> choices) implements Effect {

  public EditMessage {
    requireValue(ref, "ref");
    requireValue(text, "text");
    choices = List.copyOf(choices);
  }
}
