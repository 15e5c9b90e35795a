package org.evenkeel.core.safety;

/**
 * The case folding that {@link java.util.regex.Pattern} applies with {@code CASE_INSENSITIVE |
 * UNICODE_CASE}: a pattern character {@code p} matches a text character {@code c} only when {@code
 * fold(c) == fold(p)} (for the {@link #isStable stable} {@code p} the literal prefilter uses). So
 * "ı" (dotless i) matches {@code i}, "ſ" (long s) matches {@code s}, the Kelvin sign matches {@code
 * k}: the prefilter compares folded text with folded literals and never misses such a match.
 */
final class CaseFold {

  private CaseFold() {}

  /** The character {@code Pattern} compares {@code c} by when matching case-insensitively. */
  static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * Whether folding {@code c} twice gives what folding it once gives. Only for such characters does
   * every match of {@code c} fold to {@code fold(c)}; the prefilter treats others as unknown.
   */
  static boolean isStable(char c) {
    char once = fold(c);
    return fold(once) == once;
  }
}
