package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the fake knows about chats: their messages (both the bot's and the members'), message ids,
 * who blocked the bot, which groups became supergroups and which callback queries are open.
 *
 * <p>Message ids are per chat and shared by both sides, as in a Telegram chat. Server threads and
 * the test thread (building updates) use it; every method holds this object's monitor.
 */
final class Chats {

  /** Supergroup and channel ids are below this (-100 followed by the 10-digit peer id). */
  private static final long SUPERGROUP_ID_LIMIT = -1_000_000_000_000L;

  private final Map<Long, Integer> lastMessageId = new HashMap<>();
  private final Map<Long, ObjectNode> chats = new HashMap<>();
  private final Map<String, Long> channelUsernames = new HashMap<>();
  private final Map<String, Stored> messages = new LinkedHashMap<>();
  private final Set<Long> blockedBy = new HashSet<>();
  private final Map<Long, Long> migratedTo = new HashMap<>();
  private final Map<String, Boolean> callbackQueries = new HashMap<>();

  /** A message with its current content; replaced on edits. */
  record Stored(FakeMessage message, ObjectNode json) {}

  synchronized int nextMessageId(long chatId) {
    return lastMessageId.merge(chatId, 1, Integer::sum);
  }

  synchronized void remember(ObjectNode chat) {
    long id = chat.get("id").asLong();
    chats.put(id, chat.deepCopy());
    if (chat.hasNonNull("username") && "channel".equals(chat.path("type").asText())) {
      channelUsernames.put("@" + chat.get("username").asText(), id);
    }
  }

  /** The chat's Bot API object: the one an update introduced, or one made up from its id. */
  synchronized ObjectNode chat(long chatId) {
    ObjectNode known = chats.get(chatId);
    if (known != null) {
      return known.deepCopy();
    }
    ObjectNode chat = JsonNodeFactory.instance.objectNode().put("id", chatId);
    if (chatId > 0) {
      return chat.put("first_name", "Member " + chatId).put("type", "private");
    }
    String type = chatId < SUPERGROUP_ID_LIMIT ? "supergroup" : "group";
    return chat.put("title", "Group " + chatId).put("type", type);
  }

  synchronized Optional<Long> channelByUsername(String username) {
    return Optional.ofNullable(channelUsernames.get(username));
  }

  synchronized void store(FakeMessage message, ObjectNode json) {
    messages.put(key(message.chatId(), message.messageId()), new Stored(message, json.deepCopy()));
  }

  synchronized Optional<Stored> find(long chatId, int messageId) {
    return Optional.ofNullable(messages.get(key(chatId, messageId)));
  }

  synchronized List<FakeMessage> botMessages(long chatId) {
    return messages.values().stream()
        .map(Stored::message)
        .filter(m -> m.chatId() == chatId && m.fromBot())
        .collect(Collectors.toUnmodifiableList());
  }

  synchronized void block(long userId, boolean blocked) {
    if (blocked) {
      blockedBy.add(userId);
    } else {
      blockedBy.remove(userId);
    }
  }

  synchronized boolean blocked(long chatId) {
    return blockedBy.contains(chatId);
  }

  synchronized void migrate(long groupId, long supergroupId) {
    migratedTo.put(groupId, supergroupId);
  }

  synchronized Optional<Long> migratedTo(long groupId) {
    return Optional.ofNullable(migratedTo.get(groupId));
  }

  synchronized void openCallbackQuery(String id) {
    callbackQueries.put(id, false);
  }

  /** Marks the query answered; false if the fake never sent such a query. */
  synchronized boolean answerCallbackQuery(String id) {
    return callbackQueries.replace(id, true) != null;
  }

  synchronized Optional<Boolean> callbackQueryAnswered(String id) {
    return Optional.ofNullable(callbackQueries.get(id));
  }

  static Optional<JsonNode> inlineKeyboard(Optional<JsonNode> replyMarkup) {
    return replyMarkup.filter(markup -> markup.has("inline_keyboard"));
  }

  private static String key(long chatId, int messageId) {
    return chatId + "/" + messageId;
  }
}
