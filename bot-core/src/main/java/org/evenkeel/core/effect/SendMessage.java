package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.require;
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
 * @param answerPrompt present when the message asks the member to write an answer: a short
 *     localised label ("Write your answer"), at most {@link #ANSWER_PROMPT_MAX_LENGTH} characters.
 *     A platform where typing in the chat is not private (a Discord server) offers a button that
 *     opens a form with it; others ignore it and read the next message.
 */
public record SendMessage(
    FormattedText text, List<Choice> choices, Optional<String> ref, Optional<String> answerPrompt)
    implements Effect {

  /**
   * Longest answer prompt: Discord's limit for a modal's title and a text input's label, 45
   * characters (discord.com/developers/docs/components/reference#text-input), the tighter one.
   */
  public static final int ANSWER_PROMPT_MAX_LENGTH = 45;

  public SendMessage {
    requireValue(text, "text");
    choices = List.copyOf(choices);
    requireValue(ref, "ref");
    requireValue(answerPrompt, "answerPrompt");
    answerPrompt.ifPresent(
        prompt ->
            require(
                !prompt.isBlank() && prompt.length() <= ANSWER_PROMPT_MAX_LENGTH,
                "answer prompt must have 1-"
                    + ANSWER_PROMPT_MAX_LENGTH
                    + " characters but was '"
                    + prompt
                    + "'"));
  }

  /** A message that asks for no typed answer. */
  public SendMessage(FormattedText text, List<Choice> choices, Optional<String> ref) {
    this(text, choices, ref, Optional.empty());
  }

  public static SendMessage text(FormattedText text) {
    return new SendMessage(text, List.of(), Optional.empty());
  }

  public static SendMessage withChoices(FormattedText text, List<Choice> choices) {
    return new SendMessage(text, choices, Optional.empty());
  }

  /** The same message, asking for a typed answer under {@code prompt}. */
  public SendMessage askingForText(String prompt) {
    return new SendMessage(text, choices, ref, Optional.of(prompt));
  }
}
