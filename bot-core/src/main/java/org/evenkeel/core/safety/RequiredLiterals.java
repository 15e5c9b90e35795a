package org.evenkeel.core.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What text a regular expression's every match must contain: for each clause, at least one of its
 * literals (case-folded, see {@link CaseFold}). A text lacking every literal of some clause cannot
 * match, so the crisis screen skips the pattern there without running it. With no clauses nothing
 * is known and the pattern always runs.
 *
 * <p>The clauses come from a conservative reading of the pattern's source ({@link
 * RegexLiteralParser}): whatever it does not fully understand yields no clause, never a wrong one.
 *
 * @param clauses each a set of literals at least one of which every match contains
 */
record RequiredLiterals(List<Set<String>> clauses) {

  /** Nothing known: the pattern must always run. */
  static final RequiredLiterals UNKNOWN = new RequiredLiterals(List.of());

  /**
   * Literals shorter than this occur in nearly every message; a clause that has one is dropped, as
   * it would only cost time (dropping a clause can only make the pattern run more often).
   */
  static final int MIN_LENGTH = 3;

  /**
   * Most clauses kept, the most telling first: one rare word nearly always decides, and every
   * literal kept costs the scanner memory.
   */
  static final int MAX_CLAUSES = 2;

  RequiredLiterals {
    clauses =
        clauses.stream()
            .map(c -> Collections.unmodifiableSet(new LinkedHashSet<>(c)))
            .toList(); // in source order: every run prefilters alike
    for (Set<String> clause : clauses) {
      if (clause.isEmpty() || clause.contains("")) {
        throw new IllegalArgumentException("a clause needs non-empty literals: " + clause);
      }
    }
  }

  /** The literals {@code pattern} requires, or {@link #UNKNOWN}. */
  static RequiredLiterals of(Pattern pattern) {
    return RegexLiteralParser.requiredClauses(pattern)
        .map(RequiredLiterals::useful)
        .orElse(UNKNOWN);
  }

  /** Whether anything is known, that is, whether the pattern can ever be skipped. */
  boolean isKnown() {
    return !clauses.isEmpty();
  }

  /** Each distinct clause, minimised, without those whose literals are too short to tell much. */
  private static RequiredLiterals useful(List<Set<String>> raw) {
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> clause : raw) {
      Set<String> minimal = minimise(clause);
      boolean informative =
          !minimal.isEmpty() && minimal.stream().allMatch(s -> s.length() >= MIN_LENGTH);
      if (informative && !out.contains(minimal)) {
        out.add(minimal);
      }
    }
    out.sort(
        Comparator.comparingInt(RequiredLiterals::shortest).reversed().thenComparingInt(Set::size));
    return new RequiredLiterals(out.subList(0, Math.min(out.size(), MAX_CLAUSES)));
  }

  /** The length of a clause's shortest literal: the longer, the rarer the clause holds. */
  static int shortest(Set<String> clause) {
    return clause.stream().mapToInt(String::length).min().orElse(0);
  }

  /**
   * The clause without the literals that contain another of its literals: a text containing the
   * longer one contains the shorter too, so the clause still holds exactly when it held before.
   */
  static Set<String> minimise(Set<String> clause) {
    Set<String> out = new LinkedHashSet<>();
    for (String literal : clause) {
      boolean redundant =
          clause.stream().anyMatch(other -> !other.equals(literal) && literal.contains(other));
      if (!redundant) {
        out.add(literal);
      }
    }
    return out;
  }
}
