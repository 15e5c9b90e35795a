package org.evenkeel.core.text;

/** Precondition checks with messages that name the offending value. */
public final class Checks {

  private Checks() {}

  /** Requires a non-blank string without whitespace or colons (so keys stay unambiguous). */
  public static String requireToken(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c == ':') {
        throw new IllegalArgumentException(
            name + " must not contain whitespace or ':' but was '" + value + "'");
      }
    }
    return value;
  }

  /** Requires a non-null value. */
  public static <T> T requireValue(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Requires a condition, with a message describing the broken rule. */
  public static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
