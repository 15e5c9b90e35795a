package org.evenkeel.core.safety;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link TextNormalizer} as it was before its fast paths, kept verbatim as the reference the fast
 * one must agree with, character for character.
 */
final class ReferenceTextNormalizer {

  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES =
      Pattern.compile("[\\u2018\\u2019\\u02BC\\u0060\\u00B4]");
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

  private ReferenceTextNormalizer() {}

  /** The normalised form of {@code text}. */
  static String normalize(String text) {
    String out = INVISIBLE.matcher(text).replaceAll("");
    for (Map.Entry<String, String> emoji : EMOJI.entrySet()) {
      out = out.replace(emoji.getKey(), emoji.getValue());
    }
    out = Normalizer.normalize(out, Normalizer.Form.NFKD);
    out = MARKS.matcher(out).replaceAll("");
    out = out.toLowerCase(Locale.ROOT);
    out = APOSTROPHES.matcher(out).replaceAll("'");
    out =
        LEET_TOKEN
            .matcher(out)
            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(unleet(m.group())));
    out = REPEATS.matcher(out).replaceAll("$1$1");
    return SPACES.matcher(out).replaceAll(" ").trim();
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
