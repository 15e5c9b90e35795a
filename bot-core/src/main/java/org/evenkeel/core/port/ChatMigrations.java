package org.evenkeel.core.port;

/**
 * Chats that changed their id: a Telegram group that became a supergroup gets a new id, and
 * everything the bot keeps about the group and its members' conversations there (sessions, the
 * server's milestone counters and settings) must carry on under it.
 *
 * <p>Rather than copying that state (nothing indexes it by chat), the state keeps the chat's first
 * id, its <em>state id</em>, for good: an adapter maps each incoming chat id to its state id
 * ({@link #stateId}), and each state id back to the id to send to ({@link #sendId}). Chats that
 * never moved map to themselves. Implementations are thread-safe; a shared one (Redis) serves every
 * instance.
 */
public interface ChatMigrations {

  /**
   * Records that chat {@code from} of {@code platform} is now chat {@code to}: from now on {@code
   * to} maps to {@code from}'s state id, and that state id is sent to at {@code to}. Recording the
   * same move again changes nothing.
   *
   * @throws IllegalArgumentException when {@code from} equals {@code to}
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void moved(String platform, String from, String to);

  /**
   * The id state is kept under for messages from chat {@code chatId}: the first id of the chat, or
   * {@code chatId} itself when it never moved.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  String stateId(String platform, String chatId);

  /**
   * The chat to send to for state id {@code stateId}: the chat's current id, or {@code stateId}
   * itself when it never moved.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  String sendId(String platform, String stateId);
}
