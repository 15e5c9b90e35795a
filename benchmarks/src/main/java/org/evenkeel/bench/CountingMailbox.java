package org.evenkeel.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.port.Mailbox;

/** A mailbox that counts each call in {@link Operations}, then delegates. */
final class CountingMailbox implements Mailbox {

  private final Mailbox delegate;
  private final Operations operations;

  CountingMailbox(Mailbox delegate, Operations operations) {
    this.delegate = delegate;
    this.operations = operations;
  }

  @Override
  public Arrival append(InboundEvent event, Duration ttl) {
    return operations.run("mailbox.append", () -> delegate.append(event, ttl));
  }

  @Override
  public Optional<Work> acquire(String conversation, Duration ttl) {
    return operations.run("mailbox.acquire", () -> delegate.acquire(conversation, ttl));
  }

  @Override
  public Next next(Lease lease, String eventId) {
    return operations.run("mailbox.next", () -> delegate.next(lease, eventId));
  }

  @Override
  public List<String> orphaned(int max) {
    return operations.run("mailbox.orphaned", () -> delegate.orphaned(max));
  }
}
