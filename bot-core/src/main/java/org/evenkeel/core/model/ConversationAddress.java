package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireToken;

/**
 * Where a conversation happens: a platform, a chat on it and the member speaking in it. The ids are
 * opaque strings chosen by the adapter; the engine never interprets them.
 *
 * @param platform short platform name such as {@code telegram}, {@code discord} or {@code console}
 * @param chatId the platform's chat (or DM channel) id
 * @param userId the platform's id of the member
 */
public record ConversationAddress(String platform, String chatId, String userId) {

  public ConversationAddress {
    requireToken(platform, "platform");
    requireToken(chatId, "chatId");
    requireToken(userId, "userId");
  }

  /** A private chat, where the chat is the member's own. */
  public static ConversationAddress direct(String platform, String userId) {
    return new ConversationAddress(platform, userId, userId);
  }

  /** The member this conversation belongs to. */
  public MemberId member() {
    return new MemberId(platform, userId);
  }

  /** A stable string key, unique per conversation. */
  public String key() {
    return platform + ":" + chatId + ":" + userId;
  }
}
