package org.evenkeel.core.safety;

import static org.evenkeel.core.text.Checks.requireValue;

/**
 * A member's message together with its normalised form ({@link TextNormalizer}), so that a turn
 * normalises it once and the safety screen, intent matching and answer matching share the result.
 * Only {@link #of} makes one, so the two never disagree.
 */
public final class NormalizedText {

  private final String original;
  private final String normalized;

  private NormalizedText(String original, String normalized) {
    this.original = original;
    this.normalized = normalized;
  }

  /** {@code text} and its normalised form. */
  public static NormalizedText of(String text) {
    requireValue(text, "text");
    return new NormalizedText(text, TextNormalizer.normalize(text));
  }

  /** The text as the member typed it. */
  public String original() {
    return original;
  }

  /** The text as {@link TextNormalizer#normalize} gives it. */
  public String normalized() {
    return normalized;
  }

  @Override
  public String toString() {
    return "NormalizedText[" + original.length() + " chars]"; // never the text: it is private
  }
}
