package org.evenkeel.telegram.fake;

/**
 * The Bot API's legacy Markdown (https://core.telegram.org/bots/api#markdown-style), kept for
 * backward compatibility by Telegram: {@code _italic_}, {@code *bold*}, {@code `code`}, {@code
 * ```pre```} and {@code [text](url)}; only those four characters can be escaped, and an entity left
 * open is "Can't find end of the entity starting at byte offset N".
 */
final class TelegramLegacyMarkdown {

  private TelegramLegacyMarkdown() {}

  static ParsedText parse(String s) {
    StringBuilder visible = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "_*`[".indexOf(s.charAt(i + 1)) >= 0) {
        visible.append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      if ("_*`[".indexOf(c) < 0) {
        visible.append(c);
        i++;
        continue;
      }
      int begin = i;
      boolean pre = s.startsWith("```", i);
      String closer = pre ? "```" : c == '[' ? "]" : String.valueOf(c);
      int contentStart = i + (pre ? 3 : 1);
      int end = s.indexOf(closer, contentStart);
      if (end < 0) {
        return ParsedText.cantParseEntities(
            "Can't find end of the entity starting at byte offset "
                + MessageFormatting.byteOffset(s, begin));
      }
      visible.append(s, contentStart, end);
      i = end + closer.length();
      if (c == '[' && i < s.length() && s.charAt(i) == '(') {
        int close = s.indexOf(')', i);
        i = close < 0 ? s.length() : close + 1;
      }
    }
    return ParsedText.visible(visible.toString());
  }
}
