package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Optional;

/** Example phrases per intent, per locale, and what each intent does. */
public record Intents(List<Intent> intents) {

  public Intents {
    intents = List.copyOf(intents);
  }

  /**
   * One intent.
   *
   * @param id the intent's name
   * @param locale the language of the examples
   * @param flow the flow it starts, or
   * @param command the command it runs
   * @param examples what members may type
   */
  public record Intent(
      String id,
      String locale,
      Optional<String> flow,
      Optional<String> command,
      List<String> examples) {
    public Intent {
      requireValue(id, "id");
      requireValue(locale, "locale");
      requireValue(flow, "flow");
      requireValue(command, "command");
      examples = List.copyOf(examples);
    }
  }
}
