package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

/** Cancel a timer of this conversation, if it is still set. */
public record CancelTimer(String name) implements Effect {

  public CancelTimer {
    requireValue(name, "name");
  }
}
