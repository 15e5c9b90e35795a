package org.evenkeel.core.text;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with the small markup content authors use: {@code *bold*} and {@code _italic_}; a backslash
 * makes the next character literal. Anything a member wrote is inserted with {@link #escape}, so
 * their asterisks stay asterisks. Each platform's renderer turns {@link #spans()} into its own
 * format.
 *
 * @param markup the marked-up text
 */
public record FormattedText(String markup) {

  public FormattedText {
    requireValue(markup, "markup");
  }

  public static FormattedText of(String markup) {
    return new FormattedText(markup);
  }

  /** Text shown exactly as given, with no formatting. */
  public static FormattedText plain(String text) {
    return new FormattedText(escape(text));
  }

  /** Escapes markup characters so {@code text} is shown literally. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '_' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** This text followed by a line break and {@code other}. */
  public FormattedText joinLine(FormattedText other) {
    return markup.isEmpty() ? other : new FormattedText(markup + "\n" + other.markup);
  }

  /** The text without markup, as a member would read it. */
  public String plainText() {
    StringBuilder out = new StringBuilder(markup.length());
    spans().forEach(span -> out.append(span.text()));
    return out.toString();
  }

  /**
   * The text cut into runs of equal formatting. An unmatched {@code *} or {@code _} is literal, so
   * a stray asterisk in content never swallows the rest of a message.
   */
  public List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean bold = false;
    boolean italic = false;
    for (int i = 0; i < markup.length(); i++) {
      char c = markup.charAt(i);
      if (c == '\\' && i + 1 < markup.length()) {
        run.append(markup.charAt(++i));
      } else if ((c == '*' && (bold || closes(i, '*')))
          || (c == '_' && (italic || closes(i, '_')))) {
        flush(spans, run, bold, italic);
        if (c == '*') {
          bold = !bold;
        } else {
          italic = !italic;
        }
      } else {
        run.append(c);
      }
    }
    flush(spans, run, bold, italic);
    return spans;
  }

  private boolean closes(int open, char marker) {
    for (int j = open + 1; j < markup.length(); j++) {
      char c = markup.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == marker) {
        return j > open + 1;
      } else if (c == '\n') {
        return false;
      }
    }
    return false;
  }

  private static void flush(List<Span> spans, StringBuilder run, boolean bold, boolean italic) {
    if (run.length() > 0) {
      spans.add(new Span(run.toString(), bold, italic));
      run.setLength(0);
    }
  }

  /** A run of text with one formatting. */
  public record Span(String text, boolean bold, boolean italic) {}
}
