package org.evenkeel.core.safety;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The ways members' typing differs from the patterns' spelling, applied at random: case, accents
 * and combining marks, letters stretched for emphasis, punctuation, leetspeak, emoji, invisible
 * characters, curly apostrophes, look-alike letters that fold or decompose to plain ones (dotless
 * i, long s, the Kelvin sign, full-width letters), odd spacing, typos.
 */
final class MessageNoise {

  private static final String EMOJI = "💊🔪🩸🪢🔫⚰💉🙂😭🙏❤️👍💪🔥";
  private static final String INVISIBLE = "\u200B\u200C\u200D\u00AD\uFEFF\u2060\u202E";
  private static final String PUNCTUATION = ".,!?;:-…'\"()";

  private static final List<BiFunction<String, Random, String>> MUTATIONS =
      List.of(
          MessageNoise::changeCase,
          MessageNoise::accent,
          MessageNoise::stretch,
          MessageNoise::punctuate,
          MessageNoise::leet,
          MessageNoise::emoji,
          MessageNoise::invisible,
          MessageNoise::curlyApostrophe,
          MessageNoise::lookAlike,
          MessageNoise::spacing,
          MessageNoise::typo,
          MessageNoise::numberWithUnit);

  private MessageNoise() {}

  /** {@code text} with {@code count} random mutations. */
  static String mutate(String text, Random random, int count) {
    String out = text;
    for (int i = 0; i < count; i++) {
      out = MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(out, random);
    }
    return out;
  }

  private static String changeCase(String text, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> text.toUpperCase(Locale.ROOT);
      case 1 -> text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
      default -> {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
          if (random.nextInt(4) == 0) {
            out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
          }
        }
        yield out.toString();
      }
    };
  }

  private static String accent(String text, Random random) {
    String plain = "aeiouncAEIOU";
    String[] accented = {
      "áàâäã", "éèêë", "íìîï", "óòôöõ", "úùûü", "ñ", "ç", "ÁÀ", "ÉÈ", "Í", "ÓÖ", "ÚÜ"
    };
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      int k = plain.indexOf(c);
      if (k >= 0 && random.nextInt(4) == 0) {
        out.append(accented[k].charAt(random.nextInt(accented[k].length())));
      } else {
        out.append(c);
        if (Character.isLetter(c) && random.nextInt(30) == 0) {
          out.append((char) (0x0300 + random.nextInt(0x30))); // a combining mark
        }
      }
    }
    return out.toString();
  }

  private static String stretch(String text, Random random) {
    int i = randomLetter(text, random);
    if (i < 0) {
      return text;
    }
    return text.substring(0, i)
        + String.valueOf(text.charAt(i)).repeat(2 + random.nextInt(5))
        + text.substring(i + 1);
  }

  private static String punctuate(String text, Random random) {
    int i = random.nextInt(text.length() + 1);
    String mark = String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
    return text.substring(0, i) + mark.repeat(1 + random.nextInt(3)) + text.substring(i);
  }

  private static String leet(String text, Random random) {
    String from = "ieaost";
    String[] to = {"1", "3", "4@", "0", "5$", "7"};
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      int k = from.indexOf(Character.toLowerCase(c));
      out.append(
          k >= 0 && random.nextInt(3) == 0 ? to[k].charAt(random.nextInt(to[k].length())) : c);
    }
    return out.toString();
  }

  private static String emoji(String text, Random random) {
    int[] emoji = EMOJI.codePoints().toArray();
    int i = wordBoundary(text, random);
    return text.substring(0, i)
        + Character.toString(emoji[random.nextInt(emoji.length)])
        + text.substring(i);
  }

  private static String invisible(String text, Random random) {
    int i = random.nextInt(text.length() + 1);
    if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
      return text;
    }
    return text.substring(0, i)
        + INVISIBLE.charAt(random.nextInt(INVISIBLE.length()))
        + text.substring(i);
  }

  private static String curlyApostrophe(String text, Random random) {
    String[] marks = {"\u2019", "\u2018", "\u02BC", "`", "\u00B4", ""};
    return text.replace("'", marks[random.nextInt(marks.length)]);
  }

  private static String lookAlike(String text, Random random) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (random.nextInt(4) != 0) {
        out.append(c);
      } else if (c == 'i') {
        out.append(random.nextBoolean() ? 'ı' : 'İ');
      } else if (c == 's') {
        out.append('ſ');
      } else if (c == 'k') {
        out.append('\u212A');
      } else if (c >= 'a' && c <= 'z' && random.nextInt(3) == 0) {
        out.append((char) (c - 'a' + 0xFF41)); // full width
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String spacing(String text, Random random) {
    String[] spaces = {"  ", "\t", "\n", " \r\n ", "\u00A0", "\u2003", ""};
    int i = text.indexOf(' ', random.nextInt(text.length() + 1));
    if (i < 0) {
      return "  " + text + " ";
    }
    return text.substring(0, i) + spaces[random.nextInt(spaces.length)] + text.substring(i + 1);
  }

  private static String typo(String text, Random random) {
    if (text.length() < 2) {
      return text;
    }
    int i = random.nextInt(text.length() - 1);
    if (Character.isSurrogate(text.charAt(i)) || Character.isSurrogate(text.charAt(i + 1))) {
      return text;
    }
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, i) + text.substring(i + 1); // dropped
      case 1 -> text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
      default -> text.substring(0, i) + text.charAt(i) + text.substring(i); // doubled
    };
  }

  private static String numberWithUnit(String text, Random random) {
    String[] numbers = {"10mg ", "4am ", "2nd ", "24h ", "3/5 ", "$50 ", "555 0134 ", "x3 "};
    int i = wordBoundary(text, random);
    return text.substring(0, i) + numbers[random.nextInt(numbers.length)] + text.substring(i);
  }

  private static int randomLetter(String text, Random random) {
    for (int tries = 0; tries < 10 && !text.isEmpty(); tries++) {
      int i = random.nextInt(text.length());
      if (Character.isLetter(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int wordBoundary(String text, Random random) {
    int i = text.indexOf(' ', random.nextInt(text.length() + 1));
    return i < 0 ? text.length() : i + 1;
  }
}
