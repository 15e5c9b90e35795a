package org.evenkeel.bench.telegram;

/**
 * Decides when members send: {@link ClosedLoopDriver} (each member sends again as soon as its reply
 * is in) or {@link OpenLoopDriver} (a fixed rate, whatever the replies do).
 */
interface LoadDriver extends AutoCloseable {

  /** Starts sending. */
  void start();

  /** A member finished its move (its reply came, or it gave up waiting) and may send again. */
  void ready(TelegramMember member);

  /** Sends nothing more; members still waiting finish their moves. */
  void stop();

  /** Messages that could not be sent when due because no member was free (open loop). */
  default long starved() {
    return 0;
  }

  @Override
  default void close() {
    stop();
  }

  /**
   * Makes the member's next move available to the bot, unless it made {@code limit} already (0: no
   * limit); returns whether it did.
   */
  static boolean send(TelegramMember member, UpdateFeed feed, int limit) {
    if (limit > 0 && member.movesMade() >= limit) {
      return false;
    }
    feed.add(member.nextMove(System.currentTimeMillis() / 1000));
    return true;
  }
}
