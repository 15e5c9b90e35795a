package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the updates Telegram sends a bot (https://core.telegram.org/bots/api#update), shaped as
 * the real server shapes them; pass them to {@link FakeBotApi#enqueue}, which gives each its
 * update_id.
 *
 * <p>Messages get ids from the chat's sequence, which the bot's own messages share, and are
 * remembered, so a callback query carries the message its button was on and the bot may delete a
 * member's message.
 */
public final class UpdateFactory {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Chats chats;
  private final BotIdentity bot;
  private final Clock clock;
  private final AtomicLong callbackQueryIds = new AtomicLong(4_000_000_000_000_000_000L);

  UpdateFactory(Chats chats, BotIdentity bot, Clock clock) {
    this.chats = chats;
    this.bot = bot;
    this.clock = clock;
  }

  /**
   * A text in the private chat with {@code from}; a leading "/command" gets its bot_command entity.
   */
  public ObjectNode privateText(FakeUser from, String text) {
    return update("message", incoming(from, from.privateChat(), text));
  }

  /** A text in a group; a leading "/command" or "/command@bot" gets its bot_command entity. */
  public ObjectNode groupText(long groupId, FakeUser from, String text) {
    return update("message", incoming(from, group(groupId), text));
  }

  /**
   * A command addressed to this bot in a group, the way clients send it there:
   * "/{command}@{botname} {arguments}".
   */
  public ObjectNode groupCommand(long groupId, FakeUser from, String command, String arguments) {
    String text =
        "/" + command + "@" + bot.username() + (arguments.isEmpty() ? "" : " " + arguments);
    return groupText(groupId, from, text);
  }

  /** A press of an inline button under the bot's message {@code messageId} in a private chat. */
  public ObjectNode callbackQuery(FakeUser from, int messageId, String data) {
    return callbackQuery(from, from.id(), messageId, data);
  }

  /** A press of an inline button under the bot's message {@code messageId} in any chat. */
  public ObjectNode callbackQuery(FakeUser from, long chatId, int messageId, String data) {
    ObjectNode message =
        chats
            .find(chatId, messageId)
            .map(stored -> stored.json().deepCopy())
            .orElseGet(
                () ->
                    JSON.objectNode()
                        .put("message_id", messageId)
                        .<ObjectNode>set("from", bot.toJson())
                        .<ObjectNode>set("chat", chats.chat(chatId))
                        .put("date", now())
                        .put("text", ""));
    String id = Long.toString(callbackQueryIds.incrementAndGet());
    chats.openCallbackQuery(id);
    ObjectNode query =
        JSON.objectNode()
            .put("id", id)
            .<ObjectNode>set("from", from.toJson())
            .<ObjectNode>set("message", message)
            .put("chat_instance", Long.toString(Math.abs(chatId * 7919 + bot.id())))
            .put("data", data);
    return update("callback_query", query);
  }

  /** A member's edit of their earlier message in the private chat. */
  public ObjectNode editedMessage(FakeUser from, int messageId, String newText) {
    ObjectNode message = message(messageId, from, from.privateChat(), newText);
    message.put("edit_date", now());
    return update("edited_message", message);
  }

  /** A post in a channel the bot is an administrator of; channel posts have no sender. */
  public ObjectNode channelPost(long channelId, String text) {
    ObjectNode chat =
        JSON.objectNode()
            .put("id", channelId)
            .put("title", "Channel " + channelId)
            .put("type", "channel");
    chats.remember(chat);
    ObjectNode message =
        JSON.objectNode()
            .put("message_id", chats.nextMessageId(channelId))
            .<ObjectNode>set("sender_chat", chat.deepCopy())
            .<ObjectNode>set("chat", chat)
            .put("date", now())
            .put("text", text);
    return update("channel_post", message);
  }

  /** A sticker in the private chat. */
  public ObjectNode sticker(FakeUser from) {
    ObjectNode message = incomingWithoutText(from);
    message
        .putObject("sticker")
        .put("file_id", "CAACAgIAAxkBAAEfake-sticker")
        .put("file_unique_id", "AgADfakesticker")
        .put("type", "regular")
        .put("width", 512)
        .put("height", 512)
        .put("is_animated", false)
        .put("is_video", false)
        .put("emoji", "\uD83D\uDE42")
        .put("file_size", 21_000);
    return update("message", message);
  }

  /** A photo in the private chat, in the sizes Telegram makes of it; an empty caption is none. */
  public ObjectNode photo(FakeUser from, String caption) {
    ObjectNode message = incomingWithoutText(from);
    ArrayNode sizes = message.putArray("photo");
    int[][] dimensions = {{90, 67}, {320, 240}, {800, 600}};
    for (int k = 0; k < dimensions.length; k++) {
      sizes
          .addObject()
          .put("file_id", "AgACAgIAAxkBAAEfake-photo-" + k)
          .put("file_unique_id", "AQADfakephoto" + k)
          .put("width", dimensions[k][0])
          .put("height", dimensions[k][1])
          .put("file_size", 1_500 * (k + 1) * (k + 1));
    }
    if (!caption.isEmpty()) {
      message.put("caption", caption);
    }
    return update("message", message);
  }

  /** A voice message in the private chat. */
  public ObjectNode voice(FakeUser from) {
    ObjectNode message = incomingWithoutText(from);
    message
        .putObject("voice")
        .put("file_id", "AwACAgIAAxkBAAEfake-voice")
        .put("file_unique_id", "AgADfakevoice")
        .put("duration", 4)
        .put("mime_type", "audio/ogg")
        .put("file_size", 12_345);
    return update("message", message);
  }

  /** The member stopped and blocked the bot: my_chat_member from "member" to "kicked". */
  public ObjectNode botBlocked(FakeUser from) {
    return myChatMember(from, "member", "kicked");
  }

  /** The member unblocked the bot: my_chat_member from "kicked" to "member". */
  public ObjectNode botUnblocked(FakeUser from) {
    return myChatMember(from, "kicked", "member");
  }

  /** A change of the bot's status in the private chat with {@code from}. */
  public ObjectNode myChatMember(FakeUser from, String oldStatus, String newStatus) {
    ObjectNode change =
        JSON.objectNode()
            .<ObjectNode>set("chat", from.privateChat())
            .<ObjectNode>set("from", from.toJson())
            .put("date", now());
    change.set("old_chat_member", member(oldStatus));
    change.set("new_chat_member", member(newStatus));
    return update("my_chat_member", change);
  }

  /** The service message in the old group when it became a supergroup. */
  public ObjectNode migrateToChatId(long groupId, long supergroupId, FakeUser by) {
    ObjectNode message = message(chats.nextMessageId(groupId), by, group(groupId), "");
    message.remove("text");
    message.put("migrate_to_chat_id", supergroupId);
    return update("message", message);
  }

  /** The service message that opens the new supergroup. */
  public ObjectNode migrateFromChatId(long supergroupId, long groupId, FakeUser by) {
    ObjectNode supergroup =
        JSON.objectNode()
            .put("id", supergroupId)
            .put("title", group(groupId).path("title").asText())
            .put("type", "supergroup");
    chats.remember(supergroup);
    ObjectNode message = message(chats.nextMessageId(supergroupId), by, supergroup, "");
    message.remove("text");
    message.put("migrate_from_chat_id", groupId);
    return update("message", message);
  }

  private ObjectNode incoming(FakeUser from, ObjectNode chat, String text) {
    long chatId = chat.get("id").asLong();
    ObjectNode message = message(chats.nextMessageId(chatId), from, chat, text);
    commandLength(text)
        .ifPresent(
            length ->
                message
                    .putArray("entities")
                    .addObject()
                    .put("offset", 0)
                    .put("length", length)
                    .put("type", "bot_command"));
    remember(message, from);
    return message;
  }

  private ObjectNode incomingWithoutText(FakeUser from) {
    ObjectNode message = message(chats.nextMessageId(from.id()), from, from.privateChat(), "");
    message.remove("text");
    remember(message, from);
    return message;
  }

  private void remember(ObjectNode message, FakeUser from) {
    long chatId = message.get("chat").get("id").asLong();
    FakeMessage stored =
        new FakeMessage(
            chatId,
            message.get("message_id").asInt(),
            false,
            message.path("text").asText(""),
            Optional.empty(),
            Optional.empty(),
            0,
            false);
    chats.store(stored, message);
  }

  private ObjectNode message(int messageId, FakeUser from, ObjectNode chat, String text) {
    chats.remember(chat);
    return JSON.objectNode()
        .put("message_id", messageId)
        .<ObjectNode>set("from", from.toJson())
        .<ObjectNode>set("chat", chat.deepCopy())
        .put("date", now())
        .put("text", text);
  }

  private ObjectNode group(long groupId) {
    if (groupId >= 0) {
      throw new IllegalArgumentException("group ids are negative: " + groupId);
    }
    return chats.chat(groupId);
  }

  private ObjectNode member(String status) {
    ObjectNode member =
        JSON.objectNode().<ObjectNode>set("user", bot.toJson()).put("status", status);
    if (status.equals("kicked")) {
      member.put("until_date", 0);
    }
    return member;
  }

  private ObjectNode update(String type, ObjectNode content) {
    ObjectNode update = JSON.objectNode();
    update.set(type, content);
    return update;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  /** The UTF-16 length of a leading "/command[@bot]", which is what entity offsets count. */
  private static Optional<Integer> commandLength(String text) {
    if (!text.startsWith("/") || text.length() < 2 || Character.isWhitespace(text.charAt(1))) {
      return Optional.empty();
    }
    int end = 1;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return Optional.of(end);
  }
}
