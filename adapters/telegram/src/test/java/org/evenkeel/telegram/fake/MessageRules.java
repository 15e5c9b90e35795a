package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The checks Telegram makes on what a bot sends, with its limits and its error descriptions, so the
 * adapter's tests fail where Telegram would refuse.
 */
final class MessageRules {

  /**
   * "Text of the message to be sent, 1-4096 characters after entities parsing"
   * (https://core.telegram.org/bots/api#sendmessage).
   */
  static final int MESSAGE_TEXT_MAX = 4096;

  /**
   * "Document caption ..., 0-1024 characters after entities parsing"
   * (https://core.telegram.org/bots/api#senddocument).
   */
  static final int CAPTION_MAX = 1024;

  /**
   * "Data to be sent in a callback query to the bot when the button is pressed, 1-64 bytes"
   * (https://core.telegram.org/bots/api#inlinekeyboardbutton).
   */
  static final int CALLBACK_DATA_MAX_BYTES = 64;

  /**
   * "Text of the notification. If not specified, nothing will be shown to the user, 0-200
   * characters" (https://core.telegram.org/bots/api#answercallbackquery).
   */
  static final int CALLBACK_ANSWER_TEXT_MAX = 200;

  /** The actions sendChatAction accepts (https://core.telegram.org/bots/api#sendchataction). */
  static final Set<String> CHAT_ACTIONS =
      Set.of(
          "typing",
          "upload_photo",
          "record_video",
          "upload_video",
          "record_voice",
          "upload_voice",
          "upload_document",
          "choose_sticker",
          "find_location",
          "record_video_note",
          "upload_video_note");

  /**
   * "You must use exactly one of the optional fields" of an InlineKeyboardButton
   * (https://core.telegram.org/bots/api#inlinekeyboardbutton).
   */
  private static final Set<String> BUTTON_ACTIONS =
      Set.of(
          "url",
          "callback_data",
          "web_app",
          "login_url",
          "switch_inline_query",
          "switch_inline_query_current_chat",
          "switch_inline_query_chosen_chat",
          "copy_text",
          "callback_game",
          "pay");

  private final Chats chats;

  MessageRules(Chats chats) {
    this.chats = chats;
  }

  /**
   * The chat a call is for. A blocked bot gets 403 in that private chat; a group that became a
   * supergroup answers 400 with {@code migrate_to_chat_id}.
   */
  long chat(RequestParameters p) throws BotApiRejection {
    String raw = p.string("chat_id").map(String::trim).orElse("");
    if (raw.isEmpty()) {
      throw BotApiRejection.badRequest("chat_id is empty");
    }
    long chatId;
    if (raw.startsWith("@")) {
      chatId =
          chats
              .channelByUsername(raw)
              .orElseThrow(() -> BotApiRejection.badRequest("chat not found"));
    } else {
      try {
        chatId = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw BotApiRejection.badRequest("chat not found");
      }
    }
    Optional<Long> migrated = chats.migratedTo(chatId);
    if (migrated.isPresent()) {
      throw new BotApiRejection(ApiResult.migrated(migrated.get()));
    }
    if (chats.blocked(chatId)) {
      throw new BotApiRejection(ApiResult.forbidden("bot was blocked by the user"));
    }
    return chatId;
  }

  int messageId(RequestParameters p) throws BotApiRejection {
    return p.number("message_id")
        .map(Long::intValue)
        .orElseThrow(() -> BotApiRejection.badRequest("message identifier is not specified"));
  }

  /** The text parameter, read under its parse_mode and held to 1-4096 characters. */
  ParsedText.Visible text(RequestParameters p) throws BotApiRejection {
    String text = p.string("text").orElse("");
    if (text.isBlank()) {
      throw BotApiRejection.badRequest("message text is empty");
    }
    ParsedText.Visible visible = parse(text, p.string("parse_mode"));
    if (visible.text().isBlank()) {
      throw BotApiRejection.badRequest("message text is empty");
    }
    if (visible.length() > MESSAGE_TEXT_MAX) {
      throw BotApiRejection.badRequest("message is too long");
    }
    return visible;
  }

  /** The caption parameter, if any, read under its parse_mode and held to 1024 characters. */
  Optional<ParsedText.Visible> caption(RequestParameters p) throws BotApiRejection {
    Optional<String> caption = p.string("caption").filter(c -> !c.isEmpty());
    if (caption.isEmpty()) {
      return Optional.empty();
    }
    ParsedText.Visible visible = parse(caption.get(), p.string("parse_mode"));
    if (visible.length() > CAPTION_MAX) {
      throw BotApiRejection.badRequest("message caption is too long");
    }
    return Optional.of(visible);
  }

  /** The reply_markup parameter; an inline keyboard's buttons are checked one by one. */
  Optional<JsonNode> replyMarkup(RequestParameters p) throws BotApiRejection {
    Optional<JsonNode> markup = p.json("reply_markup");
    if (markup.isEmpty()) {
      return Optional.empty();
    }
    if (!markup.get().isObject()) {
      throw BotApiRejection.badRequest("can't parse reply keyboard markup JSON object");
    }
    JsonNode keyboard = markup.get().get("inline_keyboard");
    if (keyboard == null) {
      return markup;
    }
    if (!keyboard.isArray()) {
      throw BotApiRejection.badRequest(
          "field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
    }
    for (JsonNode row : keyboard) {
      if (!row.isArray()) {
        throw BotApiRejection.badRequest(
            "field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
      }
      for (JsonNode button : row) {
        checkButton(button);
      }
    }
    return markup;
  }

  private static void checkButton(JsonNode button) throws BotApiRejection {
    if (!button.hasNonNull("text")) {
      throw BotApiRejection.badRequest(
          "can't parse inline keyboard button: Can't find field \"text\"");
    }
    long actions = BUTTON_ACTIONS.stream().filter(button::hasNonNull).count();
    if (actions == 0) {
      throw BotApiRejection.badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    if (button.hasNonNull("callback_data")) {
      int bytes = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
      if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
        throw BotApiRejection.badRequest("BUTTON_DATA_INVALID");
      }
    }
  }

  private static ParsedText.Visible parse(String text, Optional<String> parseMode)
      throws BotApiRejection {
    ParsedText parsed = MessageFormatting.parse(text, parseMode);
    if (parsed instanceof ParsedText.Rejected rejected) {
      throw new BotApiRejection(ApiResult.error(400, rejected.description()));
    }
    return (ParsedText.Visible) parsed;
  }
}
