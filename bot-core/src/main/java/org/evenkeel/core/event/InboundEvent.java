package org.evenkeel.core.event;

import org.evenkeel.core.model.ConversationAddress;

/**
 * Something that happened in a conversation, mapped by an adapter from its platform's update (or by
 * the scheduler from a due timer). Platform types never appear here.
 */
public sealed interface InboundEvent
    permits TextMessage,
        CommandInvoked,
        ButtonPressed,
        ConversationStarted,
        TimerFired,
        UnsupportedMessage,
        ReachabilityChanged {

  /** A unique, stable id: a redelivered update carries the same id and is processed once. */
  String id();

  /** The conversation it happened in. */
  ConversationAddress address();
}
