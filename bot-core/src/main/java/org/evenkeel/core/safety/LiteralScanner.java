package org.evenkeel.core.safety;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * Finds, in one pass over a text, which of a fixed set of literals it contains: an Aho–Corasick
 * automaton over case-folded characters ({@link CaseFold}), so a literal is found wherever a
 * case-insensitive pattern would see it. Immutable once built, so one scanner serves every thread.
 */
final class LiteralScanner {

  private static final int ROOT = 0;
  private static final int NONE = -1;

  private final Map<String, Integer> ids = new HashMap<>();

  /** Per state, the characters it has an edge for, sorted; {@code edgeTargets} where each leads. */
  private final char[][] edgeChars;

  private final int[][] edgeTargets;

  /** The root's edges again, by character, for the ASCII text most messages are. */
  private final int[] rootAscii = new int[0x80];

  /** Where to continue when a state has no edge for the next character. */
  private final int[] fail;

  /** The literal that ends at a state, or NONE. */
  private final int[] literalAt;

  /** The nearest state down the fail chain at which a literal ends, or NONE. */
  private final int[] outputLink;

  /** A scanner for {@code literals}, each folded (as {@link RequiredLiterals} gives them). */
  LiteralScanner(Collection<String> literals) {
    List<TreeMap<Character, Integer>> edges = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    edges.add(new TreeMap<>());
    ends.add(NONE);
    for (String literal : new LinkedHashSet<>(literals)) {
      if (literal.isEmpty()) {
        throw new IllegalArgumentException("a literal must not be empty");
      }
      int state = ROOT;
      for (int i = 0; i < literal.length(); i++) {
        Integer next = edges.get(state).get(literal.charAt(i));
        if (next == null) {
          next = edges.size();
          edges.add(new TreeMap<>());
          ends.add(NONE);
          edges.get(state).put(literal.charAt(i), next);
        }
        state = next;
      }
      int id = ids.size();
      ids.put(literal, id);
      ends.set(state, id);
    }
    int states = edges.size();
    edgeChars = new char[states][];
    edgeTargets = new int[states][];
    literalAt = new int[states];
    for (int s = 0; s < states; s++) {
      TreeMap<Character, Integer> out = edges.get(s);
      edgeChars[s] = new char[out.size()];
      edgeTargets[s] = new int[out.size()];
      int i = 0;
      for (Map.Entry<Character, Integer> e : out.entrySet()) {
        edgeChars[s][i] = e.getKey();
        edgeTargets[s][i] = e.getValue();
        i++;
      }
      literalAt[s] = ends.get(s);
    }
    Arrays.fill(rootAscii, ROOT);
    for (int i = 0; i < edgeChars[ROOT].length; i++) {
      if (edgeChars[ROOT][i] < 0x80) {
        rootAscii[edgeChars[ROOT][i]] = edgeTargets[ROOT][i];
      }
    }
    fail = new int[states];
    outputLink = new int[states];
    linkFailures();
  }

  /** Breadth first, so that every state's fail target is known before its children need it. */
  private void linkFailures() {
    outputLink[ROOT] = NONE;
    Queue<Integer> queue = new ArrayDeque<>();
    for (int child : edgeTargets[ROOT]) {
      fail[child] = ROOT;
      outputLink[child] = NONE;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int state = queue.remove();
      for (int i = 0; i < edgeChars[state].length; i++) {
        char c = edgeChars[state][i];
        int child = edgeTargets[state][i];
        int f = fail[state];
        int target = step(f, c);
        while (target == NONE && f != ROOT) {
          f = fail[f];
          target = step(f, c);
        }
        fail[child] = target == NONE ? ROOT : target;
        int via = fail[child];
        outputLink[child] = literalAt[via] != NONE ? via : outputLink[via];
        queue.add(child);
      }
    }
  }

  /** How many literals it looks for; their ids run from 0 to one less. */
  int size() {
    return ids.size();
  }

  /** The id of {@code literal} in the sets {@link #scan} returns. */
  int id(String literal) {
    Integer id = ids.get(literal);
    if (id == null) {
      throw new IllegalArgumentException("not a literal of this scanner: " + literal);
    }
    return id;
  }

  /** The ids of the literals that {@code text}, case-folded, contains. */
  BitSet scan(String text) {
    BitSet found = new BitSet(ids.size());
    int state = ROOT;
    for (int i = 0; i < text.length(); i++) {
      char c = CaseFold.fold(text.charAt(i));
      state = advance(state, c);
      for (int s = literalAt[state] != NONE ? state : outputLink[state];
          s != NONE;
          s = outputLink[s]) {
        found.set(literalAt[s]);
      }
    }
    return found;
  }

  private int advance(int state, char c) {
    int s = state;
    while (true) {
      if (s == ROOT) {
        return c < 0x80 ? rootAscii[c] : Math.max(ROOT, step(ROOT, c));
      }
      int next = step(s, c);
      if (next != NONE) {
        return next;
      }
      s = fail[s];
    }
  }

  private int step(int state, char c) {
    char[] chars = edgeChars[state];
    int i = chars.length < 8 ? linearSearch(chars, c) : Arrays.binarySearch(chars, c);
    return i >= 0 ? edgeTargets[state][i] : NONE;
  }

  private static int linearSearch(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return NONE;
  }
}
