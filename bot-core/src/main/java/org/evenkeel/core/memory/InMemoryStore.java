package org.evenkeel.core.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.DeleteCounter;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;

/**
 * Members, sessions, milestone counters and the due-queue in memory, for trying Evenkeel out and
 * for tests. Everything is lost when the process ends. One lock guards all of it: a turn's commit
 * touches several maps and must be atomic, and this store is not meant for load.
 */
public final class InMemoryStore implements MemberStore, DueQueue {

  private final Map<String, Session> sessions = new HashMap<>();
  private final Map<String, String> lastEvents = new HashMap<>();
  private final Map<String, List<Effect>> unsent = new HashMap<>();
  private final Map<String, Set<String>> sessionsByMember = new HashMap<>();
  private final Map<String, Profile> profiles = new HashMap<>();
  // How many times each member's profile was written: the snapshots' profile tag.
  private final Map<String, Long> profileWrites = new HashMap<>();
  private final Map<String, List<JournalEntry>> journals = new HashMap<>();
  private final Map<String, TimerEntry> timers = new LinkedHashMap<>();
  // Per member: counter key -> counter, in key order (as Redis's HGETALL is sorted by the codec).
  private final Map<String, TreeMap<String, MilestoneCounter>> counters = new HashMap<>();
  private final InMemoryMessageRefs messageRefs = new InMemoryMessageRefs();

  /** The refs of the messages sent to this store's members; {@link #forget} clears a member's. */
  public InMemoryMessageRefs messageRefs() {
    return messageRefs;
  }

  @Override
  public synchronized MemberSnapshot load(ConversationAddress address) {
    MemberId member = address.member();
    Optional<Profile> profile = Optional.ofNullable(profiles.get(member.key()));
    Session session = sessions.getOrDefault(address.key(), Session.fresh(address));
    List<JournalEntry> journal = journals.getOrDefault(member.key(), List.of());
    List<JournalEntry> recent =
        journal.subList(
            Math.max(0, journal.size() - MemberSnapshot.RECENT_JOURNAL_LIMIT), journal.size());
    return new MemberSnapshot(
        profile.orElseGet(() -> Profile.newMember(member, Instant.EPOCH)),
        session,
        recent,
        profile.isPresent(),
        Optional.ofNullable(lastEvents.get(address.key())),
        unsent.getOrDefault(address.key(), List.of()),
        countersOf(member),
        profileTag(member.key()));
  }

  @Override
  public synchronized boolean commit(TurnCommit commit) {
    Session next = commit.session();
    ConversationAddress address = next.address();
    long stored = Optional.ofNullable(sessions.get(address.key())).map(Session::version).orElse(0L);
    if (stored != next.version()) {
      return false;
    }
    String member = address.member().key();
    if (commit.profileTag().filter(tag -> !tag.equals(profileTag(member))).isPresent()) {
      return false;
    }
    if (!profiles.containsKey(member) && commit.profile().firstSeen().equals(Instant.EPOCH)) {
      throw new IllegalArgumentException("a new member's profile needs its firstSeen time");
    }
    sessions.put(address.key(), next.nextVersion());
    lastEvents.put(address.key(), commit.eventId());
    if (commit.outbound().isEmpty()) {
      unsent.remove(address.key());
    } else {
      unsent.put(address.key(), commit.outbound());
    }
    sessionsByMember.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(address.key());
    Profile profile = commit.profile();
    profiles.put(member, profile);
    profileWrites.merge(member, 1L, Long::sum);
    if (!commit.journal().isEmpty()) {
      journals.computeIfAbsent(member, k -> new ArrayList<>()).addAll(commit.journal());
    }
    for (Effect effect : commit.timers()) {
      if (effect instanceof StartTimer start) {
        timers.put(
            timerKey(address, start.name()),
            new TimerEntry(
                new DueTimer(address, start.name(), start.dueAt(), start.pacing()), Instant.MIN));
      } else if (effect instanceof CancelTimer cancel) {
        timers.remove(timerKey(address, cancel.name()));
      }
    }
    for (Effect effect : commit.counters()) {
      if (effect instanceof SaveCounter save) {
        counters
            .computeIfAbsent(member, k -> new TreeMap<>())
            .put(save.counter().key(), save.counter());
      } else if (effect instanceof DeleteCounter delete && counters.containsKey(member)) {
        counters.get(member).remove(delete.key());
      }
    }
    return true;
  }

  @Override
  public synchronized boolean markSending(ConversationAddress address, String eventId) {
    if (!eventId.equals(lastEvents.get(address.key())) || !unsent.containsKey(address.key())) {
      return false;
    }
    unsent.remove(address.key());
    return true;
  }

  @Override
  public synchronized MemberExport export(MemberId member) {
    List<Session> memberSessions = new ArrayList<>();
    List<DueTimer> memberTimers = new ArrayList<>();
    for (String key : sessionsByMember.getOrDefault(member.key(), Set.of())) {
      Session session = sessions.get(key);
      memberSessions.add(session);
      timers.values().stream()
          .map(TimerEntry::timer)
          .filter(t -> t.address().equals(session.address()))
          .forEach(memberTimers::add);
    }
    return new MemberExport(
        member,
        Optional.ofNullable(profiles.get(member.key())),
        journals.getOrDefault(member.key(), List.of()),
        memberSessions,
        memberTimers,
        countersOf(member));
  }

  @Override
  public synchronized void forget(MemberId member) {
    messageRefs.forgetMember(member);
    profiles.remove(member.key());
    journals.remove(member.key());
    counters.remove(member.key());
    profileWrites.remove(member.key());
    Set<String> keys = sessionsByMember.remove(member.key());
    if (keys != null) {
      keys.forEach(sessions::remove);
      keys.forEach(lastEvents::remove);
      keys.forEach(unsent::remove);
    }
    timers.values().removeIf(e -> e.timer().address().member().equals(member));
  }

  @Override
  public synchronized List<DueTimer> claimDue(Instant now, int max, Duration visibility) {
    List<Map.Entry<String, TimerEntry>> due =
        timers.entrySet().stream()
            .filter(
                e -> e.getValue().timer().dueBy(now) && !e.getValue().claimedUntil().isAfter(now))
            .sorted(Comparator.comparing(e -> e.getValue().timer().dueAt()))
            .limit(max)
            .toList();
    List<DueTimer> claimed = new ArrayList<>();
    for (Map.Entry<String, TimerEntry> entry : due) {
      entry.setValue(new TimerEntry(entry.getValue().timer(), now.plus(visibility)));
      claimed.add(entry.getValue().timer());
    }
    return claimed;
  }

  @Override
  public synchronized void complete(DueTimer timer) {
    String key = timerKey(timer.address(), timer.name());
    TimerEntry entry = timers.get(key);
    if (entry != null && entry.timer().equals(timer)) {
      timers.remove(key);
    }
  }

  @Override
  public synchronized Optional<Instant> nextPacing(ConversationAddress address) {
    return timers.values().stream()
        .map(TimerEntry::timer)
        .filter(t -> t.pacing() && t.address().equals(address))
        .map(DueTimer::dueAt)
        .min(Comparator.naturalOrder());
  }

  private String profileTag(String member) {
    return profiles.containsKey(member) ? profileWrites.get(member).toString() : "";
  }

  private List<MilestoneCounter> countersOf(MemberId member) {
    return List.copyOf(counters.getOrDefault(member.key(), new TreeMap<>()).values());
  }

  private static String timerKey(ConversationAddress address, String name) {
    return address.key() + "#" + name;
  }

  private record TimerEntry(DueTimer timer, Instant claimedUntil) {}
}
