package org.evenkeel.bench.telegram;

/**
 * The JSON of the updates a member's client would cause, shaped as Telegram shapes them
 * (https://core.telegram.org/bots/api#update), written directly: the load makes thousands a second.
 */
final class UpdateJson {

  private final long botId;
  private final String botUsername;

  UpdateJson(long botId, String botUsername) {
    this.botId = botId;
    this.botUsername = botUsername;
  }

  /** A text in the member's private chat; a leading "/command" gets its bot_command entity. */
  String text(long memberId, int messageId, long date, String text) {
    StringBuilder out = new StringBuilder(320);
    out.append("\"message\":{\"message_id\":").append(messageId).append(",\"from\":");
    member(out, memberId);
    out.append(",\"chat\":");
    chat(out, memberId);
    out.append(",\"date\":").append(date).append(",\"text\":");
    string(out, text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      out.append(",\"entities\":[{\"offset\":0,\"length\":")
          .append(end < 0 ? text.length() : end)
          .append(",\"type\":\"bot_command\"}]");
    }
    return out.append('}').toString();
  }

  /** A press of the button with {@code data} under the bot's message {@code messageId}. */
  String buttonPress(long memberId, String queryId, int messageId, long date, String data) {
    StringBuilder out = new StringBuilder(480);
    out.append("\"callback_query\":{\"id\":");
    string(out, queryId);
    out.append(",\"from\":");
    member(out, memberId);
    out.append(",\"message\":{\"message_id\":").append(messageId);
    out.append(",\"from\":{\"id\":").append(botId).append(",\"is_bot\":true,\"first_name\":");
    string(out, "Evenkeel");
    out.append(",\"username\":");
    string(out, botUsername);
    out.append("},\"chat\":");
    chat(out, memberId);
    out.append(",\"date\":").append(date).append(",\"text\":\"…\"}");
    out.append(",\"chat_instance\":\"").append(memberId * 7919 + botId).append('"');
    out.append(",\"data\":");
    string(out, data);
    return out.append('}').toString();
  }

  private static void member(StringBuilder out, long id) {
    out.append("{\"id\":")
        .append(id)
        .append(",\"is_bot\":false,\"first_name\":\"Member\",\"language_code\":\"en\"}");
  }

  private static void chat(StringBuilder out, long id) {
    out.append("{\"id\":").append(id).append(",\"first_name\":\"Member\",\"type\":\"private\"}");
  }

  /** {@code value} as a JSON string. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
