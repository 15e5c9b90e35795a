package org.evenkeel.core.port;

import java.util.List;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;

/** Delivers a turn's outbound effects (messages, edits, typing, files) through a platform. */
public interface Outbound {

  /** Delivers {@code effects} to the conversation, in order. */
  void deliver(ConversationAddress to, List<Effect> effects);
}
