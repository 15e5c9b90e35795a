package org.evenkeel.core.safety;

import java.util.Optional;

/**
 * Reads a member's free text for signs of danger. It runs on every free-text message before
 * anything else; a finding interrupts whatever the member was doing.
 */
public interface SafetyScreen {

  /** The danger {@code text} signals, if any. */
  Optional<CrisisSignal> screen(String text);

  /** The danger {@code text} signals, for a caller that has normalised it already. */
  default Optional<CrisisSignal> screen(NormalizedText text) {
    return screen(text.original());
  }
}
