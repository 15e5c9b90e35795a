package org.evenkeel.telegram.fake;

/**
 * The outcome of reading a message text the way Telegram does for its {@code parse_mode}: either
 * the text a member would see, or the description Telegram answers with a 400.
 */
public sealed interface ParsedText {

  /** The visible text once the markup is removed and entities decoded. */
  record Visible(String text) implements ParsedText {
    /**
     * Length as Telegram counts it for its limits: Unicode code points, not UTF-16 units (measured
     * against the live API: 4,096 U+1F600 are accepted, 4,097 refused as "message is too long").
     * Entity offsets, by contrast, are in UTF-16 units.
     */
    public int length() {
      return text.codePointCount(0, text.length());
    }
  }

  /** A text Telegram rejects; {@code description} is the full Bot API error description. */
  record Rejected(String description) implements ParsedText {}

  static ParsedText visible(String text) {
    return new Visible(text);
  }

  /** A markup error, described like Telegram: "Bad Request: can't parse entities: ...". */
  static ParsedText cantParseEntities(String detail) {
    return new Rejected("Bad Request: can't parse entities: " + detail);
  }
}
