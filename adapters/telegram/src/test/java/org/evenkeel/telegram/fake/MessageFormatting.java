package org.evenkeel.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads a text under one of the Bot API's parse modes, as the server does before sending. */
final class MessageFormatting {

  private MessageFormatting() {}

  /**
   * Parses {@code text} under {@code parseMode} (case-insensitive, like the server: TelegramBots
   * sends "html"); without a parse mode the text is shown as it is.
   */
  static ParsedText parse(String text, Optional<String> parseMode) {
    if (parseMode.isEmpty() || parseMode.get().isEmpty()) {
      return ParsedText.visible(text);
    }
    switch (parseMode.get().toLowerCase(Locale.ROOT)) {
      case "html":
        return TelegramHtml.parse(text);
      case "markdownv2":
        return TelegramMarkdownV2.parse(text);
      case "markdown":
        return TelegramLegacyMarkdown.parse(text);
      default:
        return new ParsedText.Rejected("Bad Request: unsupported parse_mode");
    }
  }

  /** The offset Telegram reports in parse errors: bytes of UTF-8 before {@code index}. */
  static int byteOffset(String text, int index) {
    return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
  }
}
