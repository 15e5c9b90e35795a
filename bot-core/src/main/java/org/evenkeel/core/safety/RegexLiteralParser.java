package org.evenkeel.core.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a regular expression's source for the literal text its matches must contain. It understands
 * a plain subset of {@link Pattern}'s syntax — literals, escaped punctuation, simple character
 * classes, groups, alternation, quantifiers, boundaries and lookaround — and gives up (no clauses,
 * so the pattern always runs) at anything else: inline flags, back references, quoting, nested or
 * intersected classes, surrogate pairs, the COMMENTS, LITERAL and CANON_EQ flags.
 *
 * <p>Each part of the expression is summarised as an {@link Info}. Where what a part can match is a
 * small finite set of strings it is kept exactly, so that neighbours combine into longer, rarer
 * literals ("end" + " my " + "life"). Anything it cannot pin down — {@code \w}, {@code .}, {@code
 * [^.!?]}, ranges, an optional part with no exact set — only breaks that chain. Zero-width parts
 * (boundaries, lookaround) match the empty string: ignoring what a lookaround demands can only make
 * the summary claim less, never more.
 */
final class RegexLiteralParser {

  /** Most strings an exact set may hold before it is cut into a clause of its own. */
  static final int MAX_EXACT = 16;

  private static final int UNBOUNDED = Integer.MAX_VALUE;
  private static final int UNSUPPORTED_FLAGS =
      Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ;

  private static final Info EMPTY = Info.exact(Set.of(""));
  private static final Info ANY = new Info(null, List.of());

  private final String source;
  private int pos;

  private RegexLiteralParser(String source) {
    this.source = source;
  }

  /** The clauses of what every match of {@code pattern} contains, or empty when unknown. */
  static Optional<List<Set<String>>> requiredClauses(Pattern pattern) {
    if ((pattern.flags() & UNSUPPORTED_FLAGS) != 0) {
      return Optional.empty();
    }
    RegexLiteralParser parser = new RegexLiteralParser(pattern.pattern());
    try {
      Info info = parser.alternation();
      if (parser.pos != parser.source.length()) {
        return Optional.empty(); // an unbalanced ')': not a pattern this parser reads
      }
      return Optional.of(info.clauses());
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  // ---- syntax ----

  private Info alternation() {
    List<Info> branches = new ArrayList<>();
    branches.add(sequence());
    while (peek('|')) {
      pos++;
      branches.add(sequence());
    }
    return branches.size() == 1 ? branches.get(0) : Info.union(branches);
  }

  private Info sequence() {
    List<Info> items = new ArrayList<>();
    while (pos < source.length() && !peek('|') && !peek(')')) {
      items.add(quantified(atom()));
    }
    return Info.concat(items);
  }

  private Info atom() {
    char c = source.charAt(pos++);
    return switch (c) {
      case '(' -> group();
      case '[' -> characterClass();
      case '.' -> ANY;
      case '^', '$' -> EMPTY;
      case '\\' -> escape();
      case '*', '+', '?', '{' -> throw new Unsupported();
      default -> literal(c);
    };
  }

  private Info group() {
    boolean zeroWidth = false;
    if (peek('?')) {
      pos++;
      char kind = next();
      if (kind == '=' || kind == '!') {
        zeroWidth = true;
      } else if (kind == '<') {
        char after = next();
        if (after == '=' || after == '!') {
          zeroWidth = true;
        } else if (isAsciiLetter(after)) {
          while (pos < source.length() && isAsciiLetterOrDigit(source.charAt(pos))) {
            pos++;
          }
          expect('>'); // a named group
        } else {
          throw new Unsupported();
        }
      } else if (kind != ':' && kind != '>') {
        throw new Unsupported(); // inline flags and anything else
      }
    }
    Info inner = alternation();
    expect(')');
    return zeroWidth ? EMPTY : inner;
  }

  private Info escape() {
    char e = next();
    return switch (e) {
      case 'b', 'B', 'A', 'G', 'Z', 'z' -> EMPTY;
      case 'w', 'W', 'd', 'D', 's', 'S', 'h', 'H', 'v', 'V' -> ANY;
      case 'p', 'P' -> {
        skipPropertyName();
        yield ANY;
      }
      default -> {
        if (!isEscapedPunctuation(e)) {
          throw new Unsupported(); // quoting, hex and unicode escapes, back references, \R, \X, ...
        }
        yield literal(e);
      }
    };
  }

  /** {@code [...]}: exact when a plain list of characters, else unknown. */
  private Info characterClass() {
    boolean plain = true;
    if (peek('^')) {
      pos++;
      plain = false;
    }
    if (peek(']')) {
      throw new Unsupported(); // Java's reading of a leading ']' is not one to rely on
    }
    Set<String> members = new LinkedHashSet<>();
    while (true) {
      char c = next();
      if (c == ']') {
        break;
      }
      if (c == '[' || (c == '&' && peek('&'))) {
        throw new Unsupported(); // union and intersection
      }
      if (c == '-') {
        plain = false; // a range, or a hyphen: either way not worth telling apart
      } else if (c == '\\') {
        char e = next();
        if (e == 'p' || e == 'P') {
          skipPropertyName();
          plain = false;
        } else if ("wWdDsShHvV".indexOf(e) >= 0) {
          plain = false;
        } else if (isEscapedPunctuation(e)) {
          plain &= addFolded(members, e);
        } else {
          throw new Unsupported();
        }
      } else if (Character.isSurrogate(c)) {
        throw new Unsupported();
      } else {
        plain &= addFolded(members, c);
      }
    }
    return plain && !members.isEmpty() ? Info.exact(members) : ANY;
  }

  private Info quantified(Info atom) {
    if (pos >= source.length()) {
      return atom;
    }
    int min;
    int max;
    switch (source.charAt(pos)) {
      case '?' -> {
        min = 0;
        max = 1;
      }
      case '*' -> {
        min = 0;
        max = UNBOUNDED;
      }
      case '+' -> {
        min = 1;
        max = UNBOUNDED;
      }
      case '{' -> {
        pos++;
        min = number();
        max = min;
        if (peek(',')) {
          pos++;
          max = peek('}') ? UNBOUNDED : number();
        }
        if (!peek('}') || max < min) {
          throw new Unsupported();
        }
      }
      default -> {
        return atom;
      }
    }
    pos++;
    if (peek('?') || peek('+')) {
      pos++; // lazy or possessive: matches are still repetitions of the atom
    }
    if (pos < source.length() && "?*+{".indexOf(source.charAt(pos)) >= 0) {
      throw new Unsupported();
    }
    return Info.repeat(atom, min, max);
  }

  // ---- lexing ----

  private Info literal(char c) {
    if (Character.isSurrogate(c) || !CaseFold.isStable(c)) {
      throw new Unsupported();
    }
    return Info.exact(Set.of(String.valueOf(CaseFold.fold(c))));
  }

  /** Adds {@code c} folded; false when its matches might not all fold to one character. */
  private static boolean addFolded(Set<String> members, char c) {
    if (!CaseFold.isStable(c)) {
      return false;
    }
    members.add(String.valueOf(CaseFold.fold(c)));
    return true;
  }

  private void skipPropertyName() {
    if (peek('{')) {
      int close = source.indexOf('}', pos);
      if (close < 0) {
        throw new Unsupported();
      }
      pos = close + 1;
    } else {
      next();
    }
  }

  private int number() {
    int start = pos;
    while (pos < source.length() && pos - start < 6 && isAsciiDigit(source.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw new Unsupported();
    }
    return Integer.parseInt(source, start, pos, 10);
  }

  private boolean peek(char c) {
    return pos < source.length() && source.charAt(pos) == c;
  }

  private char next() {
    if (pos >= source.length()) {
      throw new Unsupported();
    }
    return source.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new Unsupported();
    }
  }

  /** Java reads a backslash before an ASCII character that is no letter or digit as that char. */
  private static boolean isEscapedPunctuation(char c) {
    return c < 0x80 && !isAsciiLetterOrDigit(c);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || isAsciiDigit(c);
  }

  /** The parser met syntax it does not read: nothing is known about the pattern. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * What a part of an expression matches.
   *
   * @param exact when not null, every match (case-folded) is one of these strings
   * @param required each a set of literals at least one of which every match contains
   */
  private record Info(Set<String> exact, List<Set<String>> required) {

    static Info exact(Set<String> strings) {
      // In source order, so that ties between clauses break the same way in every run.
      return new Info(Collections.unmodifiableSet(new LinkedHashSet<>(strings)), List.of());
    }

    /** Every clause this part's matches satisfy; an exact set holding "" says nothing. */
    List<Set<String>> clauses() {
      if (exact == null) {
        return required;
      }
      return exact.contains("") ? List.of() : List.of(exact);
    }

    static Info union(List<Info> branches) {
      if (branches.stream().allMatch(b -> b.exact != null)) {
        Set<String> all = new LinkedHashSet<>();
        branches.forEach(b -> all.addAll(b.exact));
        if (all.size() <= MAX_EXACT) {
          return exact(all);
        }
      }
      // A match comes from one branch, so it satisfies one clause of each branch: the union of
      // one clause per branch holds for all. With a branch that says nothing, nothing is known.
      Set<String> clause = new LinkedHashSet<>();
      for (Info branch : branches) {
        Optional<Set<String>> best = best(branch.clauses());
        if (best.isEmpty()) {
          return ANY;
        }
        clause.addAll(best.get());
      }
      return new Info(null, List.of(clause));
    }

    /**
     * Neighbouring exact parts are multiplied out into longer literals while the product stays
     * small; the product so far becomes a clause wherever the chain breaks.
     */
    static Info concat(List<Info> items) {
      List<Set<String>> clauses = new ArrayList<>();
      Set<String> product = Set.of("");
      boolean broken = false;
      for (Info item : items) {
        if (item.exact != null && (long) product.size() * item.exact.size() <= MAX_EXACT) {
          product = cross(product, item.exact);
          continue;
        }
        broken = true;
        clauses.addAll(exact(product).clauses());
        if (item.exact != null) {
          product = item.exact;
        } else {
          clauses.addAll(item.required);
          product = Set.of("");
        }
      }
      if (!broken) {
        return exact(product);
      }
      clauses.addAll(exact(product).clauses());
      return new Info(null, clauses);
    }

    static Info repeat(Info atom, int min, int max) {
      if (max == 0) {
        return EMPTY;
      }
      if (min == 0) {
        if (max == 1 && atom.exact != null && atom.exact.size() < MAX_EXACT) {
          Set<String> optional = new LinkedHashSet<>(atom.exact);
          optional.add("");
          return exact(optional);
        }
        return ANY;
      }
      if (atom.exact != null && min == max && Math.pow(atom.exact.size(), min) <= MAX_EXACT) {
        Set<String> power = Set.of("");
        for (int i = 0; i < min; i++) {
          power = cross(power, atom.exact);
        }
        return exact(power);
      }
      return new Info(null, atom.clauses()); // at least one repetition: its clauses hold
    }

    private static Set<String> cross(Set<String> left, Set<String> right) {
      Set<String> out = new LinkedHashSet<>();
      for (String l : left) {
        for (String r : right) {
          out.add(l + r);
        }
      }
      return out;
    }

    /** The clause that tells most: longest shortest literal, then fewest literals. */
    private static Optional<Set<String>> best(List<Set<String>> clauses) {
      Set<String> best = null;
      int bestShortest = -1;
      for (Set<String> clause : clauses) {
        Set<String> minimal = RequiredLiterals.minimise(clause);
        int shortest = minimal.stream().mapToInt(String::length).min().orElse(0);
        if (shortest > bestShortest || (shortest == bestShortest && minimal.size() < best.size())) {
          best = minimal;
          bestShortest = shortest;
        }
      }
      return Optional.ofNullable(best);
    }
  }
}
