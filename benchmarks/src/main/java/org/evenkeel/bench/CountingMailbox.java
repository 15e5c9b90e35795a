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
  public boolean append(InboundEvent event) {
    return operations.run("mailbox.append", () -> delegate.append(event));
  }

  @Override
  public Optional<Lease> acquire(String conversation, Duration ttl) {
    return operations.run("mailbox.acquire", () -> delegate.acquire(conversation, ttl));
  }

  @Override
  public Optional<InboundEvent> head(Lease lease) {
    return operations.run("mailbox.head", () -> delegate.head(lease));
  }

  @Override
  public boolean pop(Lease lease, String eventId) {
    return operations.run("mailbox.pop", () -> delegate.pop(lease, eventId));
  }

  @Override
  public boolean releaseIfEmpty(Lease lease) {
    return operations.run("mailbox.releaseIfEmpty", () -> delegate.releaseIfEmpty(lease));
  }

  @Override
  public List<String> orphaned(int max) {
    return operations.run("mailbox.orphaned", () -> delegate.orphaned(max));
  }
}
