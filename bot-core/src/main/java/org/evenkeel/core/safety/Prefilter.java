package org.evenkeel.core.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which of a fixed list of patterns could match a text, without running them: it scans the
 * text once for every literal the patterns require ({@link RequiredLiterals}, {@link
 * LiteralScanner}) and keeps the patterns whose every clause has a literal present. A pattern
 * lacking them cannot match. A pattern whose literals are unknown is always kept.
 *
 * <p>Each pattern is looked at only when a literal of its first (most telling) clause turned up, so
 * an ordinary message, which holds few of the literals, costs little more than the scan.
 */
final class Prefilter {

  private final LiteralScanner scanner;

  /** Per pattern, its clauses as literal ids. */
  private final int[][][] clauses;

  /** Per literal id, the patterns whose first clause holds it. */
  private final int[][] triggers;

  private final BitSet alwaysRun = new BitSet();

  /** A prefilter for {@code patterns}; a pattern's position in the list is its index. */
  Prefilter(List<Pattern> patterns) {
    List<RequiredLiterals> required = patterns.stream().map(RequiredLiterals::of).toList();
    List<String> literals = new ArrayList<>();
    required.forEach(r -> r.clauses().forEach(literals::addAll));
    this.scanner = new LiteralScanner(literals);
    this.clauses = new int[patterns.size()][][];
    List<List<Integer>> byLiteral = new ArrayList<>();
    for (int i = 0; i < scanner.size(); i++) {
      byLiteral.add(new ArrayList<>());
    }
    for (int p = 0; p < patterns.size(); p++) {
      List<Set<String>> known = required.get(p).clauses();
      clauses[p] = new int[known.size()][];
      for (int c = 0; c < known.size(); c++) {
        clauses[p][c] = known.get(c).stream().mapToInt(scanner::id).toArray();
      }
      if (known.isEmpty()) {
        alwaysRun.set(p);
      } else {
        for (int literal : clauses[p][0]) {
          byLiteral.get(literal).add(p);
        }
      }
    }
    this.triggers =
        byLiteral.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
  }

  /** The indices of the patterns that could match {@code text}. */
  BitSet possible(String text) {
    BitSet found = scanner.scan(text);
    BitSet out = (BitSet) alwaysRun.clone();
    for (int literal = found.nextSetBit(0); literal >= 0; literal = found.nextSetBit(literal + 1)) {
      for (int p : triggers[literal]) {
        if (!out.get(p) && everyClauseHolds(clauses[p], found)) {
          out.set(p);
        }
      }
    }
    return out;
  }

  private static boolean everyClauseHolds(int[][] clauses, BitSet found) {
    for (int[] clause : clauses) {
      if (!anyFound(clause, found)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyFound(int[] clause, BitSet found) {
    for (int literal : clause) {
      if (found.get(literal)) {
        return true;
      }
    }
    return false;
  }
}
