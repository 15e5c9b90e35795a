package org.evenkeel.core.text;

import java.util.Arrays;

/**
 * Visible text, one Unicode code point at a time, each with its formatting: what a platform
 * renderer works on. Working on what a member sees (not on HTML or Markdown source) is what lets a
 * message be cut anywhere without landing inside a tag, an entity or a surrogate pair: each part
 * renders its own markup.
 */
public final class StyledText {

  public static final byte BOLD = 1;
  public static final byte ITALIC = 2;

  private final int[] codePoints;
  private final byte[] styles;

  private StyledText(int[] codePoints, byte[] styles) {
    this.codePoints = codePoints;
    this.styles = styles;
  }

  /**
   * The spans of {@code text}. An unpaired surrogate (which can only come from a broken client)
   * becomes U+FFFD: platforms refuse text that is not valid Unicode.
   */
  public static StyledText of(FormattedText text) {
    String markup = text.markup();
    int[] cps = new int[markup.length()];
    byte[] st = new byte[markup.length()];
    int n = 0;
    for (FormattedText.Span span : text.spans()) {
      byte style = (byte) ((span.bold() ? BOLD : 0) | (span.italic() ? ITALIC : 0));
      String s = span.text();
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        cps[n] = Character.getType(cp) == Character.SURROGATE ? '\uFFFD' : cp;
        st[n++] = style;
      }
    }
    return new StyledText(Arrays.copyOf(cps, n), Arrays.copyOf(st, n));
  }

  /** {@code text} without formatting. */
  public static StyledText plain(String text) {
    return of(FormattedText.plain(text));
  }

  /** Length in code points: the unit of Telegram's message and caption limits. */
  public int length() {
    return codePoints.length;
  }

  public int codePointAt(int index) {
    return codePoints[index];
  }

  public byte styleAt(int index) {
    return styles[index];
  }

  /** The code points from {@code from} (inclusive) to {@code to} (exclusive), with their styles. */
  public StyledText slice(int from, int to) {
    return new StyledText(
        Arrays.copyOfRange(codePoints, from, to), Arrays.copyOfRange(styles, from, to));
  }

  /** This text followed by {@code suffix}, unformatted. */
  public StyledText append(String suffix) {
    StyledText tail = plain(suffix);
    int[] cps = Arrays.copyOf(codePoints, codePoints.length + tail.length());
    byte[] st = Arrays.copyOf(styles, styles.length + tail.length());
    System.arraycopy(tail.codePoints, 0, cps, codePoints.length, tail.length());
    return new StyledText(cps, st);
  }

  /** True when a member would see nothing: platforms refuse such a message. */
  public boolean isBlank() {
    return Arrays.stream(codePoints).allMatch(Character::isWhitespace);
  }

  /** The text as a member reads it. */
  public String plainText() {
    return new String(codePoints, 0, codePoints.length);
  }
}
