package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bot the fake plays: its token, and the User object getMe answers with. */
record BotIdentity(String token, long id, String username, String firstName) {

  /**
   * A bot token is "{bot id}:{secret}" (https://core.telegram.org/bots/api#authorizing-your-bot).
   */
  static BotIdentity of(String token, String username) {
    int colon = token.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "a bot token looks like \"123456:ABC-DEF\", got another shape");
    }
    long id;
    try {
      id = Long.parseLong(token.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a bot token starts with the bot's numeric id", e);
    }
    return new BotIdentity(token, id, username, "Evenkeel");
  }

  ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("id", id)
        .put("is_bot", true)
        .put("first_name", firstName)
        .put("username", username);
  }

  /** getMe's answer: the User object with the fields only getMe returns. */
  ObjectNode getMe() {
    return toJson()
        .put("can_join_groups", true)
        .put("can_read_all_group_messages", false)
        .put("supports_inline_queries", false)
        .put("can_connect_to_business", false)
        .put("has_main_web_app", false);
  }

  @Override
  public String toString() {
    return "BotIdentity[@" + username + ", id " + id + "]"; // never the token
  }
}
