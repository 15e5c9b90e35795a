package org.evenkeel.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A strict reader of the Bot API's MarkdownV2
 * (https://core.telegram.org/bots/api#markdownv2-style), following the server's parser (tdlib's
 * {@code parse_markdown_v2}) and its error texts.
 *
 * <p>Outside code, each of {@code _*[]()~`>#+-=|{}.!} either starts or ends an entity or must be
 * escaped with a backslash; inside {@code code} and {@code pre} only {@code `} and {@code \} are
 * special. A {@code >} at the start of a line starts a block quote, {@code **>} an expandable one
 * that ends with {@code ||} at the end of a line.
 */
final class TelegramMarkdownV2 {

  private static final String RESERVED = "_*[]()~`>#+-=|{}.!";
  private static final Pattern CUSTOM_EMOJI_URL =
      Pattern.compile("(?i)tg://emoji/?\\?(?:[^#]*&)?id=[1-9][0-9]*(?:[&#].*)?");

  private TelegramMarkdownV2() {}

  private enum Kind {
    BOLD("Bold", 1),
    ITALIC("Italic", 1),
    UNDERLINE("Underline", 2),
    STRIKETHROUGH("Strikethrough", 1),
    SPOILER("Spoiler", 2),
    CODE("Code", 1),
    PRE("Pre", 3),
    PRE_CODE("PreCode", 3),
    TEXT_URL("TextUrl", 1),
    CUSTOM_EMOJI("CustomEmoji", 1);

    final String label;
    final int closerLength;

    Kind(String label, int closerLength) {
      this.label = label;
      this.closerLength = closerLength;
    }

    boolean verbatim() {
      return this == CODE || this == PRE || this == PRE_CODE;
    }
  }

  private record Open(Kind kind, int byteOffset) {}

  static ParsedText parse(String markdown) {
    return new Reader(markdown).read();
  }

  private static final class Reader {
    private final String s;
    private final StringBuilder visible = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean inQuote;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    ParsedText read() {
      while (i < s.length()) {
        Optional<ParsedText> error = step();
        if (error.isPresent()) {
          return error.get();
        }
      }
      if (!open.isEmpty()) {
        Open innermost = open.peek();
        return ParsedText.cantParseEntities(
            "Can't find end of "
                + innermost.kind().label
                + " entity at byte offset "
                + innermost.byteOffset());
      }
      return ParsedText.visible(visible.toString());
    }

    private Optional<ParsedText> step() {
      char c = s.charAt(i);
      Kind top = open.isEmpty() ? null : open.peek().kind();
      boolean verbatim = top != null && top.verbatim();
      if (!verbatim && atLineStart()) {
        if (s.startsWith("**>", i)) {
          inQuote = true;
          i += 3;
          return Optional.empty();
        }
        if (c == '>') {
          inQuote = true;
          i++;
          return Optional.empty();
        }
        inQuote = false;
      }
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) >= 1 && s.charAt(i + 1) <= 126) {
        visible.append(s.charAt(i + 1));
        i += 2;
        return Optional.empty();
      }
      String reserved = verbatim ? "`" : RESERVED;
      if (reserved.indexOf(c) < 0) {
        visible.append(c);
        i++;
        return Optional.empty();
      }
      if (top != null && closes(top)) {
        open.pop();
        i += top.closerLength;
        return top == Kind.TEXT_URL || top == Kind.CUSTOM_EMOJI ? url(top) : Optional.empty();
      }
      if (inQuote && s.startsWith("||", i) && endOfLine(i + 2)) {
        i += 2; // the end of an expandable block quote
        return Optional.empty();
      }
      return begin(c);
    }

    private boolean closes(Kind top) {
      char c = s.charAt(i);
      switch (top) {
        case BOLD:
          return c == '*';
        case ITALIC:
          return c == '_' && !s.startsWith("__", i);
        case UNDERLINE:
          return s.startsWith("__", i);
        case STRIKETHROUGH:
          return c == '~';
        case SPOILER:
          return s.startsWith("||", i);
        case CODE:
          return c == '`';
        case PRE:
        case PRE_CODE:
          return s.startsWith("```", i);
        default:
          return c == ']';
      }
    }

    private Optional<ParsedText> begin(char c) {
      int byteOffset = MessageFormatting.byteOffset(s, i);
      Kind kind;
      switch (c) {
        case '_':
          kind = s.startsWith("__", i) ? Kind.UNDERLINE : Kind.ITALIC;
          break;
        case '*':
          kind = Kind.BOLD;
          break;
        case '~':
          kind = Kind.STRIKETHROUGH;
          break;
        case '|':
          if (!s.startsWith("||", i)) {
            return reserved(c);
          }
          kind = Kind.SPOILER;
          break;
        case '[':
          kind = Kind.TEXT_URL;
          break;
        case '!':
          if (!s.startsWith("![", i)) {
            return reserved(c);
          }
          i++;
          kind = Kind.CUSTOM_EMOJI;
          break;
        case '`':
          if (s.startsWith("```", i)) {
            open.push(new Open(preKind(), byteOffset));
            return Optional.empty();
          }
          kind = Kind.CODE;
          break;
        default:
          return reserved(c);
      }
      open.push(new Open(kind, byteOffset));
      i += kind.closerLength;
      return Optional.empty();
    }

    /** Consumes "```", an optional language and one line break; says whether it was PreCode. */
    private Kind preKind() {
      i += 3;
      int languageEnd = i;
      while (languageEnd < s.length()
          && !Character.isWhitespace(s.charAt(languageEnd))
          && s.charAt(languageEnd) != '`') {
        languageEnd++;
      }
      Kind kind = Kind.PRE;
      if (languageEnd != i && languageEnd < s.length() && s.charAt(languageEnd) != '`') {
        kind = Kind.PRE_CODE;
        i = languageEnd;
      }
      if (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
        boolean pair =
            i + 1 < s.length()
                && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')
                && s.charAt(i) != s.charAt(i + 1);
        i += pair ? 2 : 1;
      }
      return kind;
    }

    /** After the "]" of a link or custom emoji: the optional "(url)", where ")" must be escaped. */
    private Optional<ParsedText> url(Kind kind) {
      if (i >= s.length() || s.charAt(i) != '(') {
        return kind == Kind.CUSTOM_EMOJI
            ? fail("Custom emoji entity must contain a tg://emoji URL")
            : Optional.empty();
      }
      int urlBegin = i + 1;
      StringBuilder url = new StringBuilder();
      int j = urlBegin;
      while (j < s.length() && s.charAt(j) != ')') {
        if (s.charAt(j) == '\\' && j + 1 < s.length() && s.charAt(j + 1) <= 126) {
          url.append(s.charAt(j + 1));
          j += 2;
        } else {
          url.append(s.charAt(j++));
        }
      }
      if (j >= s.length()) {
        String what = kind == Kind.CUSTOM_EMOJI ? "a custom emoji URL" : "a URL";
        return fail(
            "Can't find end of "
                + what
                + " at byte offset "
                + MessageFormatting.byteOffset(s, i + 1));
      }
      i = j + 1;
      if (kind == Kind.CUSTOM_EMOJI && !CUSTOM_EMOJI_URL.matcher(url).matches()) {
        return fail("Custom emoji URL must have an emoji identifier");
      }
      return Optional.empty();
    }

    private boolean atLineStart() {
      return i == 0 || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r';
    }

    private boolean endOfLine(int index) {
      return index >= s.length() || s.charAt(index) == '\n' || s.charAt(index) == '\r';
    }

    private Optional<ParsedText> reserved(char c) {
      return fail("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }

    private Optional<ParsedText> fail(String detail) {
      return Optional.of(ParsedText.cantParseEntities(detail));
    }
  }
}
