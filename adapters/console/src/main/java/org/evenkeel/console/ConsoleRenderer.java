package org.evenkeel.console;

import java.util.List;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.text.FormattedText;

/**
 * Renders messages for a terminal: ANSI bold and italic when colour is on, plain text otherwise.
 */
final class ConsoleRenderer {

  static final String BOT = "bot> ";
  static final String INDENT = "     ";
  private static final String BOLD = "\u001b[1m";
  private static final String ITALIC = "\u001b[3m";
  private static final String RESET = "\u001b[0m";

  private final boolean ansi;

  ConsoleRenderer(boolean ansi) {
    this.ansi = ansi;
  }

  /** A message, with continuation lines indented under the prompt. */
  String message(FormattedText text) {
    StringBuilder out = new StringBuilder();
    for (FormattedText.Span span : text.spans()) {
      String body = strip(span.text());
      if (ansi && (span.bold() || span.italic())) {
        out.append(span.bold() ? BOLD : "")
            .append(span.italic() ? ITALIC : "")
            .append(body)
            .append(RESET);
      } else {
        out.append(body);
      }
    }
    return BOT + out.toString().replace("\n", "\n" + INDENT);
  }

  /** Buttons, numbered from 1: the member types a number or a label. */
  String choices(List<Choice> choices) {
    StringBuilder out = new StringBuilder(INDENT);
    for (int i = 0; i < choices.size(); i++) {
      if (i > 0) {
        out.append("   ");
      }
      out.append('[').append(i + 1).append("] ").append(strip(choices.get(i).label()));
    }
    return out.toString();
  }

  /** Removes control characters so content or echoed input cannot drive the terminal. */
  static String strip(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
