package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

/** Delete the member's milestone counter of this scope and name, if there is one. */
public record DeleteCounter(String scope, String name) implements Effect {

  public DeleteCounter {
    requireValue(scope, "scope");
    requireValue(name, "name");
  }

  /**
   * The counter's identity within its member, as {@link
   * org.evenkeel.core.model.MilestoneCounter#key()}.
   */
  public String key() {
    return scope + ":" + name;
  }
}
