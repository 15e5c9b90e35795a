package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.Mailbox.Lease;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailbox} must do. A mailbox passes by extending this class; {@link #newMailbox}
 * returns an empty one whose lease expiry follows {@link #clock} (a Redis mailbox, whose leases
 * expire in Redis time, may instead override {@link #expireLeases}).
 */
public abstract class MailboxContract {

  protected static final Duration TTL = Duration.ofSeconds(30);
  protected final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  private final ConversationAddress bob = ConversationAddress.direct("test", "bob");
  protected Mailbox mailbox;

  /** An empty mailbox. Called before every test. */
  protected abstract Mailbox newMailbox();

  /** Lets every lease taken so far expire. */
  protected void expireLeases() {
    clock.advance(TTL.plusSeconds(1));
  }

  @BeforeEach
  void open() {
    mailbox = newMailbox();
  }

  private InboundEvent text(ConversationAddress to, String id) {
    return new TextMessage(id, to, "hello " + id);
  }

  @Test
  void append_ofTheSameIdTwice_keepsOneEvent() {
    assertThat(mailbox.append(text(alice, "a1"))).isTrue();
    assertThat(mailbox.append(text(alice, "a1"))).isFalse();

    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();
    assertThat(mailbox.head(lease)).map(InboundEvent::id).contains("a1");
    assertThat(mailbox.pop(lease, "a1")).isTrue();
    assertThat(mailbox.head(lease)).isEmpty();
  }

  @Test
  void events_comeOutInArrivalOrder_perConversation() {
    mailbox.append(text(alice, "a1"));
    mailbox.append(text(bob, "b1"));
    mailbox.append(text(alice, "a2"));

    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();
    InboundEvent first = mailbox.head(lease).orElseThrow();
    mailbox.pop(lease, first.id());
    InboundEvent second = mailbox.head(lease).orElseThrow();

    assertThat(first).isEqualTo(text(alice, "a1"));
    assertThat(second).isEqualTo(text(alice, "a2"));
  }

  @Test
  void lease_isExclusive_untilReleased() {
    mailbox.append(text(alice, "a1"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();

    assertThat(mailbox.acquire(alice.key(), TTL)).isEmpty();
    assertThat(mailbox.acquire(bob.key(), TTL)).isPresent();

    mailbox.pop(lease, "a1");
    assertThat(mailbox.releaseIfEmpty(lease)).isTrue();
    assertThat(mailbox.acquire(alice.key(), TTL)).isPresent();
  }

  @Test
  void release_withNewMailWaiting_keepsTheLease() {
    mailbox.append(text(alice, "a1"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();
    mailbox.pop(lease, "a1");
    mailbox.append(text(alice, "a2"));

    assertThat(mailbox.releaseIfEmpty(lease)).isFalse();
    assertThat(mailbox.acquire(alice.key(), TTL)).isEmpty();
    assertThat(mailbox.head(lease)).map(InboundEvent::id).contains("a2");
  }

  @Test
  void expiredLease_canBeTakenOver_andTheOldHolderCanNoLongerAct() {
    mailbox.append(text(alice, "a1"));
    mailbox.append(text(alice, "a2"));
    Lease crashed = mailbox.acquire(alice.key(), TTL).orElseThrow();

    expireLeases();
    assertThat(mailbox.orphaned(10)).containsExactly(alice.key());
    Lease rescuer = mailbox.acquire(alice.key(), TTL).orElseThrow();

    assertThat(mailbox.pop(crashed, "a1")).isFalse();
    assertThat(mailbox.head(crashed)).isEmpty();
    assertThat(mailbox.head(rescuer)).map(InboundEvent::id).contains("a1");
    assertThat(mailbox.orphaned(10)).isEmpty();
  }

  @Test
  void pop_ofAnotherEventThanTheHead_removesNothing() {
    mailbox.append(text(alice, "a1"));
    Lease lease = mailbox.acquire(alice.key(), TTL).orElseThrow();

    assertThat(mailbox.pop(lease, "zz")).isTrue();
    assertThat(mailbox.head(lease)).map(InboundEvent::id).contains("a1");
  }

  @Test
  void orphaned_listsOnlyConversationsWithMailAndNoLiveLease() {
    mailbox.append(text(alice, "a1"));
    mailbox.append(text(bob, "b1"));
    mailbox.acquire(bob.key(), TTL);

    assertThat(mailbox.orphaned(10)).containsExactly(alice.key());
    assertThat(mailbox.orphaned(0)).isEmpty();
    Optional<Lease> none = mailbox.acquire(bob.key(), TTL);
    assertThat(none).isEmpty();
  }
}
