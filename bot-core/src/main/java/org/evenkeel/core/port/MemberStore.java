package org.evenkeel.core.port;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;

/** Keeps members' profiles, journals and conversation sessions, and commits turns atomically. */
public interface MemberStore {

  /** What the engine needs to decide a turn in this conversation. */
  MemberSnapshot load(ConversationAddress address);

  /**
   * Applies a turn: session (compare-and-set on its version), profile, journal and timers, all or
   * nothing.
   *
   * @return false when the session changed since it was loaded; nothing was written then
   */
  boolean commit(TurnCommit commit);

  /**
   * Marks the outbound effects committed with {@code eventId} as being sent, right before they are.
   * Once marked they are never sent again, even after a crash: a message that may have reached the
   * platform is not repeated.
   *
   * @return true for the one caller that may send them; false when they were marked before (or
   *     {@code eventId} is no longer the conversation's last committed event)
   */
  boolean markSending(ConversationAddress address, String eventId);

  /** Everything stored about the member. */
  MemberExport export(MemberId member);

  /** Deletes everything stored about the member: profile, journal, sessions and their timers. */
  void forget(MemberId member);
}
