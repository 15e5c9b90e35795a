package org.evenkeel.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts visible text into parts of at most a given number of code points, at the most natural
 * boundary available, or shortens it with an ellipsis.
 *
 * <p>A cut is looked for in the second half of the room left (so no part is less than half full
 * unless it is the last), preferring, in order: a paragraph break (a blank line), a line break, the
 * end of a sentence ({@code . ! ? …} followed by a space), any whitespace. Without any of these the
 * text is cut hard between two code points, moved back a little if that would separate an emoji
 * from its modifier or joiner or a letter from its accent. Whitespace at a cut is dropped from both
 * sides, as a member would never see it.
 */
public final class TextSplitter {

  /** Ellipsis appended by {@link #truncate}. */
  public static final String ELLIPSIS = "…";

  /** How far back a hard cut may move to keep a grapheme together. */
  private static final int MAX_GRAPHEME_BACKOFF = 16;

  private TextSplitter() {}

  /** {@code text} in parts of at most {@code max} code points; never an empty or blank part. */
  public static List<StyledText> split(StyledText text, int max) {
    List<StyledText> parts = new ArrayList<>();
    int start = skipWhitespace(text, 0);
    while (text.length() - start > max) {
      int cut = cut(text, start, start + max, true);
      add(parts, text, start, cut);
      start = skipWhitespace(text, cut);
    }
    add(parts, text, start, text.length());
    return parts;
  }

  /**
   * {@code text} unchanged if it fits in {@code max} code points, else cut at the last whitespace
   * of the second half (or hard) and ended with {@link #ELLIPSIS}, {@code max} code points at most.
   */
  public static StyledText truncate(StyledText text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int room = max - ELLIPSIS.length();
    int end = trimEnd(text, 0, cut(text, 0, room, false));
    return text.slice(0, end).append(ELLIPSIS);
  }

  private static void add(List<StyledText> parts, StyledText text, int from, int to) {
    StyledText part = text.slice(from, trimEnd(text, from, to));
    if (!part.isBlank()) {
      parts.add(part);
    }
  }

  /**
   * Where to end a part that starts at {@code start} and may not go past {@code limit}; with {@code
   * structural} false, only whitespace counts as a boundary (for truncation, where keeping more
   * text matters more than ending on a paragraph).
   */
  private static int cut(StyledText text, int start, int limit, boolean structural) {
    int earliest = start + (limit - start) / 2;
    if (structural) {
      for (Boundary kind : Boundary.values()) {
        for (int p = limit; p > earliest; p--) {
          if (kind.at(text, p)) {
            return p;
          }
        }
      }
    } else {
      for (int p = limit; p > earliest; p--) {
        if (Character.isWhitespace(text.codePointAt(p))) {
          return p;
        }
      }
    }
    return hardCut(text, limit, earliest);
  }

  private static int hardCut(StyledText text, int limit, int earliest) {
    for (int p = limit; p > earliest && p > limit - MAX_GRAPHEME_BACKOFF; p--) {
      if (!joins(text.codePointAt(p - 1), text.codePointAt(p))) {
        return p;
      }
    }
    return limit;
  }

  /** Kinds of boundary before the code point at {@code p}, best first. */
  private enum Boundary {
    PARAGRAPH {
      @Override
      boolean at(StyledText t, int p) {
        return t.codePointAt(p) == '\n' && p + 1 < t.length() && t.codePointAt(p + 1) == '\n';
      }
    },
    LINE {
      @Override
      boolean at(StyledText t, int p) {
        return t.codePointAt(p) == '\n';
      }
    },
    SENTENCE {
      @Override
      boolean at(StyledText t, int p) {
        int before = t.codePointAt(p - 1);
        return t.codePointAt(p) == ' '
            && (before == '.' || before == '!' || before == '?' || before == '…');
      }
    },
    SPACE {
      @Override
      boolean at(StyledText t, int p) {
        return Character.isWhitespace(t.codePointAt(p));
      }
    };

    abstract boolean at(StyledText text, int p);
  }

  /** Whether cutting between {@code before} and {@code after} would break one visible character. */
  public static boolean joins(int before, int after) {
    return before == 0x200D // zero-width joiner
        || after == 0x200D
        || (after >= 0xFE00 && after <= 0xFE0F) // variation selectors
        || (after >= 0x1F3FB && after <= 0x1F3FF) // emoji skin-tone modifiers
        || (after >= 0xE0020 && after <= 0xE007F) // emoji tag sequences (flags of regions)
        || after == 0x20E3 // combining enclosing keycap
        || switch (Character.getType(after)) {
          case Character.NON_SPACING_MARK,
              Character.ENCLOSING_MARK,
              Character.COMBINING_SPACING_MARK ->
              true;
          default -> false;
        };
  }

  private static int skipWhitespace(StyledText text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(StyledText text, int from, int to) {
    int end = to;
    while (end > from && Character.isWhitespace(text.codePointAt(end - 1))) {
      end--;
    }
    return end;
  }
}
