package org.evenkeel.core.port;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/**
 * Everything a store holds about one member, for {@code /export}.
 *
 * @param member who
 * @param profile their settings, if any were stored
 * @param journal every journal entry, oldest first
 * @param sessions their conversations' states
 * @param timers their pending timers
 * @param counters their milestone counters, private and of every server
 */
public record MemberExport(
    MemberId member,
    Optional<Profile> profile,
    List<JournalEntry> journal,
    List<Session> sessions,
    List<DueTimer> timers,
    List<MilestoneCounter> counters) {

  public MemberExport {
    requireValue(member, "member");
    requireValue(profile, "profile");
    journal = List.copyOf(journal);
    sessions = List.copyOf(sessions);
    timers = List.copyOf(timers);
    counters = List.copyOf(counters);
  }
}
