package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.Effect;

/**
 * Everything the engine reads to decide one turn, as loaded by a store.
 *
 * @param profile the member's settings ({@link Profile#newMember} when none is stored)
 * @param session the conversation's state ({@link Session#fresh} when none is stored)
 * @param recentJournal the member's most recent journal entries, oldest first
 * @param knownMember false when nothing at all was stored for this member yet
 * @param lastEventId the id of the last event committed in this conversation, so an event that was
 *     committed but not yet taken off its mailbox (a crash in between) is not handled twice
 * @param unsent outbound effects of that last event that were committed but never marked as being
 *     sent: a crash came between the commit and the send, so they are owed to the member
 * @param counters the member's milestone counters, private and of every server, in the order of
 *     {@link MilestoneCounter#key()}
 * @param profileTag identifies the stored profile this snapshot read (opaque, the store's own;
 *     empty when none was stored), so a commit can refuse to overwrite a profile that another
 *     conversation of the member changed meanwhile ({@link
 *     org.evenkeel.core.port.TurnCommit#profileTag()})
 */
public record MemberSnapshot(
    Profile profile,
    Session session,
    List<JournalEntry> recentJournal,
    boolean knownMember,
    Optional<String> lastEventId,
    List<Effect> unsent,
    List<MilestoneCounter> counters,
    String profileTag) {

  /** How many recent journal entries a store loads into a snapshot. */
  public static final int RECENT_JOURNAL_LIMIT = 100;

  public MemberSnapshot {
    requireValue(profile, "profile");
    requireValue(session, "session");
    recentJournal = List.copyOf(recentJournal);
    requireValue(lastEventId, "lastEventId");
    unsent = List.copyOf(unsent);
    counters = List.copyOf(counters);
    requireValue(profileTag, "profileTag");
  }

  /** A snapshot of a conversation whose last committed event is not known. */
  public MemberSnapshot(
      Profile profile, Session session, List<JournalEntry> recentJournal, boolean knownMember) {
    this(profile, session, recentJournal, knownMember, Optional.empty(), List.of(), List.of(), "");
  }
}
