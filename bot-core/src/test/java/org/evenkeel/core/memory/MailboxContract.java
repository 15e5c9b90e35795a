package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.Mailbox.NoWork;
import org.evenkeel.core.port.Mailbox.Work;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailbox} must do. A mailbox passes by extending this class; {@link #newStore}
 * returns an empty store and {@link #newMailbox} a mailbox over it whose lease expiry follows
 * {@link #clock} (a Redis mailbox, whose leases expire in Redis time, may instead override {@link
 * #expireLeases}).
 */
public abstract class MailboxContract {

  protected static final Duration TTL = Duration.ofSeconds(30);
  protected final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  protected final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  protected final ConversationAddress bob = ConversationAddress.direct("test", "bob");
  protected MemberStore store;
  protected Mailbox mailbox;

  /** An empty store. Called before every test. */
  protected abstract MemberStore newStore();

  /** An empty mailbox whose snapshots come from {@code store}. */
  protected abstract Mailbox newMailbox(MemberStore store);

  /** Lets every lease taken so far expire. */
  protected void expireLeases() {
    clock.advance(TTL.plusSeconds(1));
  }

  @BeforeEach
  void open() {
    store = newStore();
    mailbox = newMailbox(store);
  }

  protected static InboundEvent text(ConversationAddress to, String id) {
    return new TextMessage(id, to, "hello " + id);
  }

  private Work taken(Mailbox.Arrival arrival) {
    assertThat(arrival).isInstanceOf(Work.class);
    return (Work) arrival;
  }

  private Work following(Mailbox.Next next) {
    assertThat(next).isInstanceOf(Work.class);
    return (Work) next;
  }

  @Test
  void append_toAnIdleConversation_takesTheLease_andHandsOutTheEventWithItsSnapshot() {
    Work work = taken(mailbox.append(text(alice, "a1"), TTL));

    assertThat(work.event()).isEqualTo(text(alice, "a1"));
    assertThat(work.lease().conversation()).isEqualTo(alice.key());
    assertThat(work.lease().ttl()).isEqualTo(TTL);
    assertThat(work.snapshot().knownMember()).isFalse();
    assertThat(work.snapshot().session()).isEqualTo(Session.fresh(alice));
  }

  @Test
  void theSnapshot_isWhatTheStoreHolds_whenTheEventIsHandedOut() {
    Work first = taken(mailbox.append(text(alice, "a1"), TTL));
    mailbox.append(text(alice, "a2"), TTL);
    Profile profile = Profile.newMember(alice.member(), Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(
            store.commit(
                new TurnCommit(
                    "a1",
                    first.snapshot().session().withStepSeqCounter(4),
                    profile.withCountry("DE"),
                    List.of(),
                    List.of())))
        .isTrue();

    Work second = following(mailbox.next(first.lease(), "a1"));

    assertThat(second.event().id()).isEqualTo("a2");
    assertThat(second.snapshot().knownMember()).isTrue();
    assertThat(second.snapshot().profile().country()).contains("DE");
    assertThat(second.snapshot().session().version()).isEqualTo(1);
    assertThat(second.snapshot().session().stepSeqCounter()).isEqualTo(4);
    assertThat(second.snapshot().lastEventId()).contains("a1");
  }

  @Test
  void append_ofTheSameIdTwice_keepsOneEvent() {
    Work work = taken(mailbox.append(text(alice, "a1"), TTL));
    assertThat(mailbox.append(text(alice, "a1"), TTL)).isEqualTo(NoWork.DUPLICATE);

    assertThat(mailbox.next(work.lease(), "a1")).isEqualTo(NoWork.RELEASED);
    assertThat(mailbox.append(text(alice, "a1"), TTL)).isEqualTo(NoWork.DUPLICATE);
    assertThat(mailbox.orphaned(10)).isEmpty();
  }

  @Test
  void events_comeOutInArrivalOrder_perConversation() {
    Work first = taken(mailbox.append(text(alice, "a1"), TTL));
    Work other = taken(mailbox.append(text(bob, "b1"), TTL));
    assertThat(mailbox.append(text(alice, "a2"), TTL)).isEqualTo(NoWork.QUEUED);
    assertThat(mailbox.append(text(alice, "a3"), TTL)).isEqualTo(NoWork.QUEUED);

    Work second = following(mailbox.next(first.lease(), "a1"));
    Work third = following(mailbox.next(second.lease(), "a2"));

    assertThat(other.event().id()).isEqualTo("b1");
    assertThat(List.of(first.event(), second.event(), third.event()))
        .containsExactly(text(alice, "a1"), text(alice, "a2"), text(alice, "a3"));
    assertThat(second.lease()).isEqualTo(first.lease());
    assertThat(mailbox.next(third.lease(), "a3")).isEqualTo(NoWork.RELEASED);
  }

  @Test
  void lease_isExclusive_untilReleased() {
    Work work = taken(mailbox.append(text(alice, "a1"), TTL));

    assertThat(mailbox.acquire(alice.key(), TTL)).isEmpty();
    assertThat(mailbox.append(text(alice, "a2"), TTL)).isEqualTo(NoWork.QUEUED);
    Work second = following(mailbox.next(work.lease(), "a1"));
    assertThat(mailbox.next(second.lease(), "a2")).isEqualTo(NoWork.RELEASED);

    assertThat(taken(mailbox.append(text(alice, "a3"), TTL)).lease().token())
        .isNotEqualTo(work.lease().token());
  }

  @Test
  void acquire_ofAConversationWithoutMail_takesNothing() {
    assertThat(mailbox.acquire(alice.key(), TTL)).isEmpty();
    Work work = taken(mailbox.append(text(alice, "a1"), TTL));
    mailbox.next(work.lease(), "a1");

    assertThat(mailbox.acquire(alice.key(), TTL)).isEmpty();
    assertThat(mailbox.append(text(alice, "a2"), TTL)).isInstanceOf(Work.class);
  }

  @Test
  void expiredLease_canBeTakenOver_andTheOldHolderCanNoLongerAct() {
    Work crashed = taken(mailbox.append(text(alice, "a1"), TTL));
    mailbox.append(text(alice, "a2"), TTL);

    expireLeases();
    assertThat(mailbox.orphaned(10)).containsExactly(alice.key());
    Work rescuer = mailbox.acquire(alice.key(), TTL).orElseThrow();

    assertThat(rescuer.event().id()).isEqualTo("a1");
    assertThat(mailbox.next(crashed.lease(), "a1")).isEqualTo(NoWork.LEASE_LOST);
    assertThat(mailbox.orphaned(10)).isEmpty();
    assertThat(following(mailbox.next(rescuer.lease(), "a1")).event().id()).isEqualTo("a2");
  }

  @Test
  void anAppendAfterTheLeaseRanOut_takesOverTheOlderEventsFirst() {
    taken(mailbox.append(text(alice, "a1"), TTL));

    expireLeases();
    Work work = taken(mailbox.append(text(alice, "a2"), TTL));

    assertThat(work.event().id()).isEqualTo("a1");
    assertThat(following(mailbox.next(work.lease(), "a1")).event().id()).isEqualTo("a2");
  }

  @Test
  void next_afterAnotherEventThanTheHead_removesNothing() {
    Work work = taken(mailbox.append(text(alice, "a1"), TTL));

    Work again = following(mailbox.next(work.lease(), "zz"));

    assertThat(again.event().id()).isEqualTo("a1");
    assertThat(mailbox.next(again.lease(), "a1")).isEqualTo(NoWork.RELEASED);
  }

  @Test
  void orphaned_listsOnlyConversationsWithMailAndNoLiveLease() {
    taken(mailbox.append(text(alice, "a1"), TTL));
    expireLeases();
    taken(mailbox.append(text(bob, "b1"), TTL));

    assertThat(mailbox.orphaned(10)).containsExactly(alice.key());
    assertThat(mailbox.orphaned(0)).isEmpty();
    assertThat(mailbox.acquire(bob.key(), TTL)).isEmpty();
  }

  @Test
  void aLeaseWithoutDuration_isRefused() {
    assertThatThrownBy(() -> mailbox.append(text(alice, "a1"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease ttl");
    assertThatThrownBy(() -> mailbox.acquire(alice.key(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease ttl");
  }
}
