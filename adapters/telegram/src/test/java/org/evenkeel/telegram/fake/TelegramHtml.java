package org.evenkeel.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Bot API's HTML subset (https://core.telegram.org/bots/api#html-style).
 *
 * <p>It follows the server's parser (tdlib's {@code parse_html}, whose error texts it reuses) for
 * tags, attributes and nesting, with one deliberate difference: Telegram keeps an {@code &} that
 * starts no entity as it is, but its documentation says every {@code &} outside an entity must be
 * written {@code &amp;}. The fake rejects it, so a renderer that forgets to escape a member's "Tom
 * & Jerry" fails a test here instead of relying on the server's tolerance.
 */
public final class TelegramHtml {

  /** The tags the Bot API accepts; anything else is "Unsupported start tag". */
  private static final Set<String> TAGS =
      Set.of(
          "b",
          "strong",
          "i",
          "em",
          "u",
          "ins",
          "s",
          "strike",
          "del",
          "span",
          "tg-spoiler",
          "a",
          "code",
          "pre",
          "blockquote",
          "tg-emoji");

  /** The named entities the Bot API supports, and numeric ones ("&#123;", "&#x1F60A;"). */
  private static final Pattern ENTITY =
      Pattern.compile("&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));");

  private TelegramHtml() {}

  /** Reads {@code html} as the server would; public for renderer tests that need no server. */
  public static ParsedText parse(String html) {
    return new Reader(html).read();
  }

  private record OpenTag(String name, int begin) {}

  private static final class Reader {
    private final String s;
    private final StringBuilder visible = new StringBuilder();
    private final Deque<OpenTag> open = new ArrayDeque<>();
    private int i;

    Reader(String s) {
      this.s = s;
    }

    ParsedText read() {
      while (i < s.length()) {
        char c = s.charAt(i);
        Optional<ParsedText> error = Optional.empty();
        if (c == '&') {
          error = entity();
        } else if (c == '<') {
          error = s.startsWith("</", i) ? endTag() : startTag();
        } else {
          visible.append(c);
          i++;
        }
        if (error.isPresent()) {
          return error.get();
        }
      }
      if (!open.isEmpty()) {
        return ParsedText.cantParseEntities(
            "Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
      }
      return ParsedText.visible(visible.toString());
    }

    private Optional<ParsedText> entity() {
      Matcher m = ENTITY.matcher(s).region(i, s.length());
      if (!m.lookingAt()) {
        return fail("Unescaped \"&\" at byte offset " + offset(i) + ", write it as \"&amp;\"");
      }
      Optional<Integer> codePoint = codePoint(m);
      if (codePoint.isEmpty()) {
        return fail("Unescaped \"&\" at byte offset " + offset(i) + ", write it as \"&amp;\"");
      }
      if (Character.getType(codePoint.get()) == Character.SURROGATE) {
        return Optional.of(
            new ParsedText.Rejected(
                "Bad Request: Text contains invalid Unicode characters after decoding HTML"
                    + " entities, check for unmatched surrogate code units"));
      }
      visible.appendCodePoint(codePoint.get());
      i = m.end();
      return Optional.empty();
    }

    private Optional<ParsedText> startTag() {
      int begin = i;
      int j = i + 1;
      while (j < s.length() && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
        j++;
      }
      if (j == s.length()) {
        return fail("Unclosed start tag at byte offset " + offset(begin));
      }
      String name = s.substring(i + 1, j).toLowerCase(Locale.ROOT);
      if (!TAGS.contains(name)) {
        return fail("Unsupported start tag \"" + name + "\" at byte offset " + offset(begin));
      }
      Map<String, String> attributes = new HashMap<>();
      while (true) {
        while (j < s.length() && isSpace(s.charAt(j))) {
          j++;
        }
        if (j == s.length()) {
          return unclosed(name, begin);
        }
        if (s.charAt(j) == '>') {
          j++;
          break;
        }
        int nameStart = j;
        while (j < s.length()
            && !isSpace(s.charAt(j))
            && s.charAt(j) != '='
            && s.charAt(j) != '>') {
          j++;
        }
        String attribute = s.substring(nameStart, j).toLowerCase(Locale.ROOT);
        if (attribute.isEmpty()) {
          return fail(
              "Empty attribute name in the tag \"" + name + "\" at byte offset " + offset(begin));
        }
        while (j < s.length() && isSpace(s.charAt(j))) {
          j++;
        }
        if (j == s.length()) {
          return unclosed(name, begin);
        }
        if (s.charAt(j) != '=') {
          attributes.put(attribute, "");
          continue;
        }
        j++;
        while (j < s.length() && isSpace(s.charAt(j))) {
          j++;
        }
        if (j == s.length()) {
          return unclosed(name, begin);
        }
        char quote = s.charAt(j);
        if (quote == '"' || quote == '\'') {
          int close = s.indexOf(quote, j + 1);
          if (close < 0) {
            return fail("Unclosed start tag at byte offset " + offset(begin));
          }
          attributes.put(attribute, decodeLeniently(s.substring(j + 1, close)));
          j = close + 1;
        } else {
          int valueStart = j;
          while (j < s.length() && isNameTokenChar(s.charAt(j))) {
            j++;
          }
          if (j == s.length()) {
            return fail("Unexpected end of name token at byte offset " + offset(valueStart));
          }
          attributes.put(attribute, s.substring(valueStart, j));
        }
      }
      if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
        return fail("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + offset(begin));
      }
      if (name.equals("tg-emoji") && !attributes.containsKey("emoji-id")) {
        return fail(
            "Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset " + offset(begin));
      }
      open.push(new OpenTag(name, begin));
      i = j;
      return Optional.empty();
    }

    private Optional<ParsedText> endTag() {
      int begin = i;
      if (open.isEmpty()) {
        return fail("Unexpected end tag at byte offset " + offset(begin));
      }
      int j = i + 2;
      while (j < s.length() && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
        j++;
      }
      String name = s.substring(i + 2, j).toLowerCase(Locale.ROOT);
      while (j < s.length() && isSpace(s.charAt(j))) {
        j++;
      }
      if (j == s.length() || s.charAt(j) != '>') {
        return fail("Unclosed end tag at byte offset " + offset(begin));
      }
      String expected = open.peek().name();
      // "</>" closes whatever is open, as on the server.
      if (!name.isEmpty() && !name.equals(expected)) {
        return fail(
            "Unmatched end tag at byte offset "
                + offset(begin)
                + ", expected \"</"
                + expected
                + ">\", found \"</"
                + name
                + ">\"");
      }
      open.pop();
      i = j + 1;
      return Optional.empty();
    }

    private Optional<ParsedText> unclosed(String name, int begin) {
      return fail("Unclosed start tag \"" + name + "\" at byte offset " + offset(begin));
    }

    private Optional<ParsedText> fail(String detail) {
      return Optional.of(ParsedText.cantParseEntities(detail));
    }

    private int offset(int index) {
      return MessageFormatting.byteOffset(s, index);
    }
  }

  private static Optional<Integer> codePoint(Matcher m) {
    if (m.group(1) != null) {
      switch (m.group(1)) {
        case "lt":
          return Optional.of((int) '<');
        case "gt":
          return Optional.of((int) '>');
        case "amp":
          return Optional.of((int) '&');
        default:
          return Optional.of((int) '"');
      }
    }
    long value = m.group(2) != null ? Long.parseLong(m.group(2)) : Long.parseLong(m.group(3), 16);
    return value > 0 && value <= Character.MAX_CODE_POINT
        ? Optional.of((int) value)
        : Optional.empty();
  }

  /** Attribute values (an href with "&amp;") decode the entities they can and keep the rest. */
  private static String decodeLeniently(String value) {
    StringBuilder out = new StringBuilder();
    Matcher m = ENTITY.matcher(value);
    int last = 0;
    while (m.find()) {
      out.append(value, last, m.start());
      Optional<Integer> codePoint = codePoint(m);
      if (codePoint.isPresent()) {
        out.appendCodePoint(codePoint.get());
      } else {
        out.append(m.group());
      }
      last = m.end();
    }
    return out.append(value.substring(last)).toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static boolean isNameTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-';
  }
}
