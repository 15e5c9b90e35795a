package org.evenkeel.core.port;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.DeleteCounter;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/**
 * Everything one turn changes, committed together or not at all.
 *
 * @param eventId the event the turn handled
 * @param session the new session; its version is the one it was loaded with (compare-and-set)
 * @param profile the member's profile after the turn
 * @param journal entries to append
 * @param timers timers to set ({@link StartTimer}) or cancel ({@link CancelTimer}), in order
 * @param outbound the turn's outbound effects, kept until {@link MemberStore#markSending} so that a
 *     crash between the commit and the send loses no reply
 * @param counters milestone counters to save ({@link SaveCounter}) or delete ({@link
 *     DeleteCounter}), in order
 * @param profileTag the {@link org.evenkeel.core.model.MemberSnapshot#profileTag()} the turn read:
 *     then the commit also fails, like a version conflict, when the member's stored profile is no
 *     longer that one (another conversation's turn changed it), instead of overwriting that change;
 *     empty to write the profile whatever is stored
 */
public record TurnCommit(
    String eventId,
    Session session,
    Profile profile,
    List<JournalEntry> journal,
    List<Effect> timers,
    List<Effect> outbound,
    List<Effect> counters,
    Optional<String> profileTag) {

  /** A commit that writes the profile whatever is stored. */
  public TurnCommit(
      String eventId,
      Session session,
      Profile profile,
      List<JournalEntry> journal,
      List<Effect> timers,
      List<Effect> outbound,
      List<Effect> counters) {
    this(eventId, session, profile, journal, timers, outbound, counters, Optional.empty());
  }

  /** A commit that changes no milestone counter. */
  public TurnCommit(
      String eventId,
      Session session,
      Profile profile,
      List<JournalEntry> journal,
      List<Effect> timers,
      List<Effect> outbound) {
    this(eventId, session, profile, journal, timers, outbound, List.of());
  }

  /** A commit with nothing to send. */
  public TurnCommit(
      String eventId,
      Session session,
      Profile profile,
      List<JournalEntry> journal,
      List<Effect> timers) {
    this(eventId, session, profile, journal, timers, List.of());
  }

  public TurnCommit {
    requireValue(eventId, "eventId");
    requireValue(session, "session");
    requireValue(profile, "profile");
    journal = List.copyOf(journal);
    timers = List.copyOf(timers);
    for (Effect e : timers) {
      if (!(e instanceof StartTimer) && !(e instanceof CancelTimer)) {
        throw new IllegalArgumentException("not a timer effect: " + e);
      }
    }
    counters = List.copyOf(counters);
    requireValue(profileTag, "profileTag");
    for (Effect e : counters) {
      if (!(e instanceof SaveCounter) && !(e instanceof DeleteCounter)) {
        throw new IllegalArgumentException("not a counter effect: " + e);
      }
    }
    outbound = List.copyOf(outbound);
    for (Effect e : outbound) {
      if (!e.outbound()) {
        throw new IllegalArgumentException("not an outbound effect: " + e);
      }
    }
  }
}
