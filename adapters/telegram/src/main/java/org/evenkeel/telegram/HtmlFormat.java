package org.evenkeel.telegram;

import org.evenkeel.core.text.StyledText;

/**
 * Writes {@link StyledText} in the Bot API's HTML parse mode
 * (core.telegram.org/bots/api#html-style): bold as {@code <b>}, italic as {@code <i>}, everything
 * else as escaped text. Nothing a member or a content author wrote is ever read as a tag.
 */
final class HtmlFormat {

  private HtmlFormat() {}

  /** The value of {@code parse_mode} for text written here. */
  static final String PARSE_MODE = "HTML";

  /**
   * {@code text} in Bot API HTML. Formatting is closed and reopened wherever it changes, so every
   * piece of a split message is well-formed on its own.
   */
  static String render(StyledText text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    byte open = 0;
    for (int i = 0; i < text.length(); i++) {
      byte style = text.styleAt(i);
      if (style != open) {
        close(out, open);
        open(out, style);
        open = style;
      }
      appendEscaped(out, text.codePointAt(i));
    }
    close(out, open);
    return out.toString();
  }

  /**
   * {@code text} as literal HTML text. "All {@code <}, {@code >} and {@code &} symbols that are not
   * a part of a tag or an HTML entity must be replaced with the corresponding HTML entities"
   * (core.telegram.org/bots/api#html-style). We write no attributes; one would also need {@code "}
   * escaped.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(cp -> appendEscaped(out, cp));
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      default -> out.appendCodePoint(cp);
    }
  }

  private static void open(StringBuilder out, byte style) {
    if ((style & StyledText.BOLD) != 0) {
      out.append("<b>");
    }
    if ((style & StyledText.ITALIC) != 0) {
      out.append("<i>");
    }
  }

  private static void close(StringBuilder out, byte style) {
    if ((style & StyledText.ITALIC) != 0) {
      out.append("</i>");
    }
    if ((style & StyledText.BOLD) != 0) {
      out.append("</b>");
    }
  }
}
