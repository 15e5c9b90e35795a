package org.evenkeel.core.memory;

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

/** Mailboxes in memory, for one process. One lock: appends and leases must agree. */
public final class InMemoryMailbox implements Mailbox {

  /** How long an event id is remembered: longer than any platform redelivers an update. */
  public static final Duration CLAIM_TTL = Duration.ofHours(24);

  private final Clock clock;
  private final EventClaims claims;
  private final Map<String, Deque<InboundEvent>> queues = new HashMap<>();
  private final Map<String, Holding> leases = new HashMap<>();

  public InMemoryMailbox(Clock clock) {
    this.clock = clock;
    this.claims = new InMemoryEventClaims(clock);
  }

  @Override
  public synchronized boolean append(InboundEvent event) {
    if (!claims.claim(event.id(), CLAIM_TTL)) {
      return false;
    }
    queues.computeIfAbsent(event.address().key(), k -> new ArrayDeque<>()).addLast(event);
    return true;
  }

  @Override
  public synchronized Optional<Lease> acquire(String conversation, Duration ttl) {
    Holding held = leases.get(conversation);
    if (held != null && held.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    Lease lease = new Lease(conversation, UUID.randomUUID().toString(), ttl);
    leases.put(conversation, new Holding(lease.token(), clock.instant().plus(ttl)));
    return Optional.of(lease);
  }

  @Override
  public synchronized Optional<InboundEvent> head(Lease lease) {
    if (!holds(lease)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        queues.getOrDefault(lease.conversation(), new ArrayDeque<>()).peekFirst());
  }

  @Override
  public synchronized boolean pop(Lease lease, String eventId) {
    if (!holds(lease)) {
      return false;
    }
    Deque<InboundEvent> queue = queues.get(lease.conversation());
    if (queue != null && !queue.isEmpty() && queue.peekFirst().id().equals(eventId)) {
      queue.removeFirst();
      if (queue.isEmpty()) {
        queues.remove(lease.conversation());
      }
    }
    leases.put(lease.conversation(), new Holding(lease.token(), clock.instant().plus(lease.ttl())));
    return true;
  }

  @Override
  public synchronized boolean releaseIfEmpty(Lease lease) {
    if (queues.containsKey(lease.conversation()) && holds(lease)) {
      return false;
    }
    if (holds(lease)) {
      leases.remove(lease.conversation());
    }
    return true;
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

  private boolean holds(Lease lease) {
    Holding held = leases.get(lease.conversation());
    return held != null
        && held.token().equals(lease.token())
        && held.expiresAt().isAfter(clock.instant());
  }

  private record Holding(String token, Instant expiresAt) {}
}
