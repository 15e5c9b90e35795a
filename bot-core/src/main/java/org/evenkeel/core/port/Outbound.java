package org.evenkeel.core.port;

import java.util.List;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;

/** Delivers a turn's outbound effects (messages, edits, typing, files) through a platform. */
public interface Outbound {

  /**
   * Delivers {@code effects} to the conversation, in order, paced as {@code lane} is (see {@link
   * Lane}): an adapter may wait for its rate limits before each message, never drop one.
   */
  void deliver(ConversationAddress to, List<Effect> effects, Lane lane);

  /**
   * Delivers a reply: {@link #deliver(ConversationAddress, List, Lane)} in the interactive lane.
   */
  default void deliver(ConversationAddress to, List<Effect> effects) {
    deliver(to, effects, Lane.INTERACTIVE);
  }
}
