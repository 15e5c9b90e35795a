package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.model.MilestoneCounter;

/** Keep a milestone counter, replacing the member's counter of the same scope and name. */
public record SaveCounter(MilestoneCounter counter) implements Effect {

  public SaveCounter {
    requireValue(counter, "counter");
  }
}
