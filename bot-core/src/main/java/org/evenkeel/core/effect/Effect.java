package org.evenkeel.core.effect;

/**
 * Something a turn decided should happen. Effects are data: the dispatcher commits the state ones
 * (timers, journal, milestone counters) with the new session and hands the outbound ones to the
 * adapter afterwards.
 */
public sealed interface Effect
    permits SendMessage,
        EditMessage,
        ShowTyping,
        StartTimer,
        CancelTimer,
        AppendJournal,
        SaveCounter,
        DeleteCounter,
        SendExport,
        SendFile,
        ForgetMember {

  /**
   * Whether the adapter delivers this effect to the platform (rather than the store keeping it).
   */
  default boolean outbound() {
    return this instanceof SendMessage
        || this instanceof EditMessage
        || this instanceof ShowTyping
        || this instanceof SendExport
        || this instanceof SendFile;
  }
}
