package org.evenkeel.core.port;

import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;

/**
 * Which platform message an engine {@code ref} names in a conversation, so that a later edit (the
 * breathing timer's next phase) changes the message the member sees, whichever instance of the bot
 * sent it and whichever handles the edit.
 *
 * <p>Refs are delivery bookkeeping, not member data: they hold platform message ids only, a shared
 * store keeps them for {@link #KEPT} after they were last set (an exercise's message is edited
 * within minutes), and they go with the member on {@link MemberStore#forget}. An edit whose ref is
 * not known (expired, or never stored because the store was down) is sent as a new message, as
 * {@link org.evenkeel.core.effect.EditMessage} allows. Implementations are thread-safe.
 */
public interface MessageRefs {

  /** How long a shared store keeps a ref after it was last set. */
  java.time.Duration KEPT = java.time.Duration.ofDays(1);

  /**
   * Remembers that {@code ref} in {@code conversation} is the platform message {@code messageId},
   * replacing what it named before.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void remember(ConversationAddress conversation, String ref, String messageId);

  /**
   * The platform message {@code ref} names in {@code conversation}, if known.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  Optional<String> recall(ConversationAddress conversation, String ref);

  /**
   * Forgets {@code ref} in {@code conversation} (its message is gone).
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void forget(ConversationAddress conversation, String ref);
}
