package org.evenkeel.core.safety;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings a message into the form the crisis patterns are written for: lower case, accents removed,
 * invisible characters dropped, leetspeak and a few telling emoji turned into letters, letters
 * repeated for emphasis shortened to two, and spacing collapsed.
 */
public final class TextNormalizer {

  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String APOSTROPHE_CHARS = "\u2018\u2019\u02BC\u0060\u00B4";
  private static final Pattern APOSTROPHES = Pattern.compile("[" + APOSTROPHE_CHARS + "]");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LEET_TOKEN = Pattern.compile("[\\p{L}0-9@$]*\\p{L}[\\p{L}0-9@$]*");
  // A number with a unit or ordinal ("10mg", "4am", "24h", "2nd") is not leetspeak.
  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("\\d+\\p{L}{1,3}");
  private static final Map<Character, Character> LEET =
      Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '@', 'a', '$', 's');
  private static final Map<String, String> EMOJI =
      Map.of(
          "\uD83D\uDC8A", " pills ",
          "\uD83D\uDD2A", " knife ",
          "\uD83E\uDE78", " blood ",
          "\uD83E\uDEA2", " rope ",
          "\uD83D\uDD2B", " gun ",
          "\u26B0", " coffin ",
          "\uD83D\uDC89", " needle ");
  private static final String LEET_CHARS =
      LEET.keySet().stream().map(String::valueOf).collect(Collectors.joining());

  private TextNormalizer() {}

  /**
   * The normalised form of {@code text}.
   *
   * <p>Each step is skipped where a cheap look at the text shows it would change nothing: most
   * messages are plain ASCII without leetspeak, runs of letters or odd spacing, and this runs on
   * every one of them.
   */
  public static String normalize(String text) {
    String out = text;
    // Invisible characters, the emoji, compatibility forms and combining marks are all non-ASCII.
    if (!isAscii(out)) {
      out = INVISIBLE.matcher(out).replaceAll("");
      for (Map.Entry<String, String> emoji : EMOJI.entrySet()) {
        out = out.replace(emoji.getKey(), emoji.getValue());
      }
      out = Normalizer.normalize(out, Normalizer.Form.NFKD);
      out = MARKS.matcher(out).replaceAll("");
    }
    out = out.toLowerCase(Locale.ROOT);
    if (containsAny(out, APOSTROPHE_CHARS)) {
      out = APOSTROPHES.matcher(out).replaceAll("'");
    }
    // Only a token holding one of LEET's keys can change.
    if (containsAny(out, LEET_CHARS)) {
      out =
          LEET_TOKEN
              .matcher(out)
              .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(unleet(m.group())));
    }
    if (mayRepeat(out)) {
      out = REPEATS.matcher(out).replaceAll("$1$1");
    }
    if (mayHaveOddSpacing(out)) {
      out = SPACES.matcher(out).replaceAll(" ");
    }
    return out.trim();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether REPEATS could match: some character three times in a row, or a surrogate (a letter
   * beyond the BMP repeated is a repeated pair of chars, never three equal ones).
   */
  private static boolean mayRepeat(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)
          || (i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether SPACES would change anything: whitespace other than single plain spaces. */
  private static boolean mayHaveOddSpacing(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (i + 1 < text.length() && isSpace(text.charAt(i + 1))) {
          return true;
        }
      } else if (isSpace(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static String unleet(String token) {
    if (NUMBER_WITH_UNIT.matcher(token).matches()) {
      return token;
    }
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      out.append(LEET.getOrDefault(c, c));
    }
    return out.toString();
  }
}
