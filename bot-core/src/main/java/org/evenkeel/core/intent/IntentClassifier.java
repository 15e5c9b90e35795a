package org.evenkeel.core.intent;

import java.util.Optional;
import org.evenkeel.core.safety.NormalizedText;

/** Guesses what a member meant by free text, when no flow is waiting for an answer. */
public interface IntentClassifier {

  /** The best intent for {@code text} in {@code locale}, if one is confident enough. */
  Optional<IntentMatch> classify(String text, String locale);

  /** {@link #classify(String, String)} for a caller that has normalised the text already. */
  default Optional<IntentMatch> classify(NormalizedText text, String locale) {
    return classify(text.original(), locale);
  }
}
