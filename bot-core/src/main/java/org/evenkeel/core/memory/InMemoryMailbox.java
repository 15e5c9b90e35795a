package org.evenkeel.core.memory;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.port.EventClaims;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;

/**
 * Mailboxes in memory, for one process. One lock: appends and leases must agree. Snapshots are read
 * from the {@link MemberStore} the turns commit to.
 */
public final class InMemoryMailbox implements Mailbox {

  /** How long an event id is remembered: longer than any platform redelivers an update. */
  public static final Duration CLAIM_TTL = Duration.ofHours(24);

  private final Clock clock;
  private final MemberStore store;
  private final EventClaims claims;
  private final Map<String, Deque<InboundEvent>> queues = new HashMap<>();
  private final Map<String, Holding> leases = new HashMap<>();

  public InMemoryMailbox(Clock clock, MemberStore store) {
    this.clock = requireValue(clock, "clock");
    this.store = requireValue(store, "store");
    this.claims = new InMemoryEventClaims(clock);
  }

  @Override
  public synchronized Arrival append(InboundEvent event, Duration ttl) {
    requireTtl(ttl);
    if (!claims.claim(event.id(), CLAIM_TTL)) {
      return NoWork.DUPLICATE;
    }
    String conversation = event.address().key();
    queues.computeIfAbsent(conversation, k -> new ArrayDeque<>()).addLast(event);
    Optional<Work> work = take(conversation, ttl);
    return work.isPresent() ? work.get() : NoWork.QUEUED;
  }

  @Override
  public synchronized Optional<Work> acquire(String conversation, Duration ttl) {
    requireTtl(ttl);
    return queues.containsKey(conversation) ? take(conversation, ttl) : Optional.empty();
  }

  @Override
  public synchronized Next next(Lease lease, String eventId) {
    if (!holds(lease)) {
      return NoWork.LEASE_LOST;
    }
    String conversation = lease.conversation();
    Deque<InboundEvent> queue = queues.get(conversation);
    if (queue != null && queue.peekFirst().id().equals(eventId)) {
      queue.removeFirst();
      if (queue.isEmpty()) {
        queues.remove(conversation);
      }
    }
    if (!queues.containsKey(conversation)) {
      leases.remove(conversation);
      return NoWork.RELEASED;
    }
    leases.put(conversation, new Holding(lease.token(), clock.instant().plus(lease.ttl())));
    return work(lease);
  }

  @Override
  public synchronized List<String> orphaned(int max) {
    Instant now = clock.instant();
    List<String> out = new ArrayList<>();
    for (String conversation : queues.keySet()) {
      Holding held = leases.get(conversation);
      if ((held == null || !held.expiresAt().isAfter(now)) && out.size() < max) {
        out.add(conversation);
      }
    }
    return out;
  }

  /** Takes the free lease of a conversation with mail, with its head; empty when it is held. */
  private Optional<Work> take(String conversation, Duration ttl) {
    Holding held = leases.get(conversation);
    if (held != null && held.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    Lease lease = new Lease(conversation, UUID.randomUUID().toString(), ttl);
    leases.put(conversation, new Holding(lease.token(), clock.instant().plus(ttl)));
    return Optional.of(work(lease));
  }

  private Work work(Lease lease) {
    InboundEvent head = queues.get(lease.conversation()).peekFirst();
    return new Work(lease, head, store.load(head.address()));
  }

  private boolean holds(Lease lease) {
    Holding held = leases.get(lease.conversation());
    return held != null
        && held.token().equals(lease.token())
        && held.expiresAt().isAfter(clock.instant());
  }

  private static void requireTtl(Duration ttl) {
    if (ttl == null || ttl.toMillis() < 1) {
      throw new IllegalArgumentException("lease ttl must be at least 1 ms but was " + ttl);
    }
  }

  private record Holding(String token, Instant expiresAt) {}
}
