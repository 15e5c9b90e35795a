package org.evenkeel.core.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random text written from a regular expression's source, so that the differential test has
 * messages near every pattern: each alternative, optional part and repetition count gets its turn.
 * Written apart from {@link RegexLiteralParser} on purpose, so the two do not share a misreading.
 * Lookaround is left out (it constrains the neighbours, it produces nothing), so some samples do
 * not match their own pattern; the test counts how many do.
 */
final class RegexSampler {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private final String source;
  private final Random random;
  private int pos;

  private RegexSampler(String source, Random random) {
    this.source = source;
    this.random = random;
  }

  /** A random text {@code regex} describes. */
  static String sample(String regex, Random random) {
    RegexSampler sampler = new RegexSampler(regex, random);
    String out = sampler.alternation();
    if (sampler.pos != regex.length()) {
      throw new IllegalArgumentException("cannot sample " + regex + " past index " + sampler.pos);
    }
    return out;
  }

  private String alternation() {
    List<String> branches = new ArrayList<>();
    branches.add(sequence());
    while (at('|')) {
      pos++;
      branches.add(sequence());
    }
    return branches.get(random.nextInt(branches.size()));
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (pos < source.length() && !at('|') && !at(')')) {
      int start = pos;
      String once = atom();
      int end = pos;
      int[] range = quantifier();
      if (range == null) {
        out.append(once);
        continue;
      }
      int afterQuantifier = pos;
      int times = range[0] + random.nextInt(range[1] - range[0] + 1);
      for (int i = 0; i < times; i++) {
        pos = start;
        out.append(atom()); // again, so each repetition may take other choices
      }
      if (pos != end && times > 0) {
        throw new IllegalStateException("atom read differently at " + start);
      }
      pos = afterQuantifier;
    }
    return out.toString();
  }

  /** {min, max} of the quantifier at pos (consumed), or null when there is none. */
  private int[] quantifier() {
    if (pos >= source.length()) {
      return null;
    }
    int[] range;
    char c = source.charAt(pos);
    if (c == '?') {
      range = random.nextInt(5) < 3 ? new int[] {1, 1} : new int[] {0, 0};
      pos++;
    } else if (c == '*') {
      range = new int[] {0, 2};
      pos++;
    } else if (c == '+') {
      range = new int[] {1, 3};
      pos++;
    } else if (c == '{') {
      int close = source.indexOf('}', pos);
      String[] bounds = source.substring(pos + 1, close).split(",", -1);
      int min = Integer.parseInt(bounds[0]);
      int max =
          bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 2 : Integer.parseInt(bounds[1]);
      range = new int[] {min, Math.min(max, min + 2)};
      pos = close + 1;
    } else {
      return null;
    }
    if (at('?') || at('+')) {
      pos++;
    }
    return range;
  }

  private String atom() {
    char c = source.charAt(pos++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return characterClass();
      case '.':
        return letter();
      case '^':
      case '$':
        return "";
      case '\\':
        return escape();
      default:
        return String.valueOf(c);
    }
  }

  private String group() {
    boolean lookaround = false;
    if (at('?')) {
      pos++;
      char kind = source.charAt(pos++);
      if (kind == '<' && (at('=') || at('!'))) {
        pos++;
        lookaround = true;
      } else if (kind == '=' || kind == '!') {
        lookaround = true;
      } else if (kind == '<') {
        pos = source.indexOf('>', pos) + 1;
      } else if (kind != ':' && kind != '>') {
        throw new IllegalArgumentException("group kind " + kind);
      }
    }
    String inner = alternation();
    if (!at(')')) {
      throw new IllegalArgumentException("unclosed group at " + pos);
    }
    pos++;
    return lookaround ? "" : inner;
  }

  private String escape() {
    char e = source.charAt(pos++);
    return switch (e) {
      case 'b', 'B', 'A', 'z', 'Z', 'G' -> "";
      case 'w' -> letter();
      case 'd' -> String.valueOf((char) ('0' + random.nextInt(10)));
      case 's', 'W' -> " ";
      case 'p' -> {
        pos = at('{') ? source.indexOf('}', pos) + 1 : pos + 1;
        yield letter();
      }
      default -> String.valueOf(e);
    };
  }

  private String characterClass() {
    boolean negated = at('^');
    if (negated) {
      pos++;
    }
    StringBuilder members = new StringBuilder();
    while (!at(']')) {
      char c = source.charAt(pos++);
      if (c == '\\') {
        char e = source.charAt(pos++);
        members.append(e == 'w' ? LETTERS : e == 's' ? " " : e == 'd' ? "0123456789" : "" + e);
      } else if (at('-') && pos + 1 < source.length() && source.charAt(pos + 1) != ']') {
        char to = source.charAt(pos + 1);
        pos += 2;
        for (char r = c; r <= to; r++) {
          members.append(r);
        }
      } else {
        members.append(c);
      }
    }
    pos++;
    if (!negated) {
      return String.valueOf(members.charAt(random.nextInt(members.length())));
    }
    if (members.indexOf(" ") < 0 && random.nextBoolean()) {
      return " "; // so that word boundaries around the gap hold as often as not
    }
    StringBuilder outside = new StringBuilder();
    for (char c : (LETTERS + " ").toCharArray()) {
      if (members.indexOf(String.valueOf(c)) < 0) {
        outside.append(c);
      }
    }
    return String.valueOf(outside.charAt(random.nextInt(outside.length())));
  }

  private String letter() {
    return String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length())));
  }

  private boolean at(char c) {
    return pos < source.length() && source.charAt(pos) == c;
  }
}
