package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The methods that send, change and remove messages: each checks what Telegram checks and answers
 * with what Telegram answers (a Message object, or true).
 */
final class MessageMethods {

  private static final String NOT_MODIFIED =
      "message is not modified: specified new message content and reply markup are exactly the"
          + " same as a current content and reply markup of the message";

  private final Chats chats;
  private final BotIdentity bot;
  private final Clock clock;
  private final MessageRules rules;

  MessageMethods(Chats chats, BotIdentity bot, Clock clock) {
    this.chats = chats;
    this.bot = bot;
    this.clock = clock;
    this.rules = new MessageRules(chats);
  }

  ApiResult sendMessage(RequestParameters p) throws BotApiRejection {
    ParsedText.Visible text = rules.text(p);
    Optional<JsonNode> markup = rules.replyMarkup(p);
    long chatId = rules.chat(p);
    ObjectNode message = botMessage(chatId, chats.nextMessageId(chatId), p);
    message.put("text", text.text());
    Chats.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
    store(message, chatId, p.string("text").orElseThrow(), p, markup, 0);
    return ApiResult.ok(message);
  }

  ApiResult editMessageText(RequestParameters p) throws BotApiRejection {
    ParsedText.Visible text = rules.text(p);
    Optional<JsonNode> markup = rules.replyMarkup(p);
    if (p.has("inline_message_id")) {
      return ApiResult.ok();
    }
    long chatId = rules.chat(p);
    FakeMessage current = editable(chatId, rules.messageId(p), "message to edit not found");
    String source = p.string("text").orElseThrow();
    Optional<String> parseMode = parseMode(p);
    if (current.text().equals(source)
        && current.parseMode().equals(parseMode)
        && current.replyMarkup().equals(Chats.inlineKeyboard(markup))) {
      throw BotApiRejection.badRequest(NOT_MODIFIED);
    }
    ObjectNode message = chats.find(chatId, current.messageId()).orElseThrow().json().deepCopy();
    message.put("text", text.text()).put("edit_date", now());
    message.remove("reply_markup");
    Chats.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
    store(message, chatId, source, p, markup, current.edits() + 1);
    return ApiResult.ok(message);
  }

  ApiResult editMessageReplyMarkup(RequestParameters p) throws BotApiRejection {
    Optional<JsonNode> markup = rules.replyMarkup(p);
    if (p.has("inline_message_id")) {
      return ApiResult.ok();
    }
    long chatId = rules.chat(p);
    FakeMessage current = editable(chatId, rules.messageId(p), "message to edit not found");
    if (current.replyMarkup().equals(Chats.inlineKeyboard(markup))) {
      throw BotApiRejection.badRequest(NOT_MODIFIED);
    }
    ObjectNode message = chats.find(chatId, current.messageId()).orElseThrow().json().deepCopy();
    message.put("edit_date", now());
    message.remove("reply_markup");
    Chats.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
    chats.store(
        new FakeMessage(
            chatId,
            current.messageId(),
            true,
            current.text(),
            current.parseMode(),
            Chats.inlineKeyboard(markup),
            current.edits() + 1,
            false),
        message);
    return ApiResult.ok(message);
  }

  ApiResult deleteMessage(RequestParameters p) throws BotApiRejection {
    long chatId = rules.chat(p);
    int messageId = rules.messageId(p);
    Chats.Stored stored =
        chats
            .find(chatId, messageId)
            .filter(s -> !s.message().deleted())
            .orElseThrow(() -> BotApiRejection.badRequest("message to delete not found"));
    FakeMessage m = stored.message();
    chats.store(
        new FakeMessage(
            chatId,
            messageId,
            m.fromBot(),
            m.text(),
            m.parseMode(),
            m.replyMarkup(),
            m.edits(),
            true),
        stored.json());
    return ApiResult.ok();
  }

  ApiResult answerCallbackQuery(RequestParameters p) throws BotApiRejection {
    String id = p.string("callback_query_id").orElse("");
    if (p.string("text").map(t -> t.codePointCount(0, t.length())).orElse(0)
        > MessageRules.CALLBACK_ANSWER_TEXT_MAX) {
      throw BotApiRejection.badRequest("MESSAGE_TOO_LONG");
    }
    if (!chats.answerCallbackQuery(id)) {
      throw BotApiRejection.badRequest(
          "query is too old and response timeout expired or query ID is invalid");
    }
    return ApiResult.ok();
  }

  ApiResult sendChatAction(RequestParameters p) throws BotApiRejection {
    rules.chat(p);
    String action = p.string("action").orElse("");
    if (!MessageRules.CHAT_ACTIONS.contains(action)) {
      throw BotApiRejection.badRequest("wrong parameter action in request");
    }
    return ApiResult.ok();
  }

  /**
   * A photo: a new upload (a file part named "photo", or "attach://name" pointing at one) or a
   * file_id string. Telegram answers with the picture in several sizes ({@code PhotoSize}); the
   * fake gives one, 800×400 as Evenkeel's charts are, since it does not decode the image.
   */
  ApiResult sendPhoto(RequestParameters p) throws BotApiRejection {
    Optional<UploadedFile> upload = upload(p, "photo");
    Optional<String> reference = p.string("photo");
    if (upload.isEmpty() && reference.filter(r -> !r.isBlank()).isEmpty()) {
      throw BotApiRejection.badRequest("there is no photo in the request");
    }
    Optional<ParsedText.Visible> caption = rules.caption(p);
    Optional<JsonNode> markup = rules.replyMarkup(p);
    long chatId = rules.chat(p);
    int messageId = chats.nextMessageId(chatId);
    ObjectNode message = botMessage(chatId, messageId, p);
    ObjectNode size = message.putArray("photo").addObject();
    size.put("file_id", "AgACAgIAAxkBAAEfake-" + chatId + "-" + messageId)
        .put("file_unique_id", "AQADfake" + messageId)
        .put("width", 800)
        .put("height", 400);
    upload.ifPresent(u -> size.put("file_size", u.size()));
    caption.ifPresent(c -> message.put("caption", c.text()));
    Chats.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
    store(message, chatId, p.string("caption").orElse(""), p, markup, 0);
    return ApiResult.ok(message);
  }

  /** The upload in part {@code field}, or in the part an "attach://name" value there names. */
  private static Optional<UploadedFile> upload(RequestParameters p, String field)
      throws BotApiRejection {
    Optional<UploadedFile> upload = p.file(field);
    Optional<String> reference = p.string(field);
    if (upload.isEmpty() && reference.filter(r -> r.startsWith("attach://")).isPresent()) {
      upload = p.file(reference.get().substring("attach://".length()));
      if (upload.isEmpty()) {
        throw BotApiRejection.badRequest("wrong file identifier/HTTP URL specified");
      }
    }
    return upload;
  }

  /**
   * A document: a new upload (a file part named "document", or "attach://name" pointing at one) or
   * a file_id/URL string, which the fake takes as a file Telegram already has.
   */
  ApiResult sendDocument(RequestParameters p) throws BotApiRejection {
    Optional<UploadedFile> upload = upload(p, "document");
    Optional<String> reference = p.string("document");
    if (upload.isEmpty() && reference.filter(r -> !r.isBlank()).isEmpty()) {
      throw BotApiRejection.badRequest("there is no document in the request");
    }
    Optional<ParsedText.Visible> caption = rules.caption(p);
    Optional<JsonNode> markup = rules.replyMarkup(p);
    long chatId = rules.chat(p);
    int messageId = chats.nextMessageId(chatId);
    ObjectNode message = botMessage(chatId, messageId, p);
    ObjectNode document = message.putObject("document");
    if (upload.isPresent()) {
      document
          .put("file_name", upload.get().fileName())
          .put("mime_type", mimeType(upload.get().fileName()))
          .put("file_id", "BQACAgIAAxkBAAEfake-" + chatId + "-" + messageId)
          .put("file_unique_id", "AgADfake" + messageId)
          .put("file_size", upload.get().size());
    } else {
      document.put("file_id", reference.get()).put("file_unique_id", "AgADknown" + messageId);
    }
    caption.ifPresent(c -> message.put("caption", c.text()));
    Chats.inlineKeyboard(markup).ifPresent(keyboard -> message.set("reply_markup", keyboard));
    store(message, chatId, p.string("caption").orElse(""), p, markup, 0);
    return ApiResult.ok(message);
  }

  private FakeMessage editable(long chatId, int messageId, String notFound) throws BotApiRejection {
    FakeMessage message =
        chats
            .find(chatId, messageId)
            .map(Chats.Stored::message)
            .filter(m -> !m.deleted())
            .orElseThrow(() -> BotApiRejection.badRequest(notFound));
    if (!message.fromBot()) {
      throw BotApiRejection.badRequest("message can't be edited");
    }
    return message;
  }

  private ObjectNode botMessage(long chatId, int messageId, RequestParameters p) {
    ObjectNode message =
        JsonNodeFactory.instance
            .objectNode()
            .put("message_id", messageId)
            .<ObjectNode>set("from", bot.toJson())
            .<ObjectNode>set("chat", chats.chat(chatId))
            .put("date", now());
    if (p.flag("protect_content")) {
      message.put("has_protected_content", true);
    }
    return message;
  }

  private void store(
      ObjectNode message,
      long chatId,
      String source,
      RequestParameters p,
      Optional<JsonNode> markup,
      int edits) {
    chats.store(
        new FakeMessage(
            chatId,
            message.get("message_id").asInt(),
            true,
            source,
            parseMode(p),
            Chats.inlineKeyboard(markup),
            edits,
            false),
        message);
  }

  private static Optional<String> parseMode(RequestParameters p) {
    return p.string("parse_mode").filter(m -> !m.isEmpty()).map(m -> m.toLowerCase(Locale.ROOT));
  }

  private static String mimeType(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith(".txt")) {
      return "text/plain";
    }
    if (lower.endsWith(".csv")) {
      return "text/csv";
    }
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    return "application/octet-stream";
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
