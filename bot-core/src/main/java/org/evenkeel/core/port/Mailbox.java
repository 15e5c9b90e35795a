package org.evenkeel.core.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.model.MemberSnapshot;

/**
 * Per-conversation queues of inbound events. An event is appended durably as soon as it arrives;
 * whichever instance holds the conversation's lease takes events from the head, one at a time, in
 * arrival order. A lease that is not renewed expires, so when its holder crashes another instance
 * picks up the waiting events ({@link #orphaned}).
 *
 * <p>Every step that hands out an event hands out the member's snapshot with it, read in the same
 * step, so a turn on the hot path costs the store no separate read: {@link #append} (claim, append,
 * take the lease if free, read), the turn's commit, and {@link #next} (remove the handled event,
 * then read the next one or let the lease go).
 */
public interface Mailbox {

  /**
   * Appends {@code event} to its conversation's queue, claiming its id at the same time; if nobody
   * holds the conversation's lease, also takes it for {@code ttl} and returns the oldest waiting
   * event (this one, unless earlier ones were left by a holder that went away) with the member's
   * snapshot.
   *
   * @return {@link Work} to do now; {@link NoWork#QUEUED} when the lease's holder will handle it;
   *     {@link NoWork#DUPLICATE} when an event with this id was appended before (a redelivery), in
   *     which case nothing changed
   */
  Arrival append(InboundEvent event, Duration ttl);

  /**
   * Takes the lease of {@code conversation} for {@code ttl} if nobody holds it and events are
   * waiting, and returns the oldest with the member's snapshot. Used to rescue {@link #orphaned}
   * conversations.
   */
  Optional<Work> acquire(String conversation, Duration ttl);

  /**
   * Finishes the leased conversation's head, which must be {@code eventId} (another id removes
   * nothing), and goes on: extends the lease and returns the next event with a fresh snapshot, or,
   * when none is waiting, releases the lease. An event appended while the lease was being released
   * is never stranded: either this call returns it, or its append takes the lease.
   *
   * @return the next {@link Work}; {@link NoWork#RELEASED}; or {@link NoWork#LEASE_LOST} when the
   *     lease ran out (and may be another's now): nothing changed and the caller must stop
   */
  Next next(Lease lease, String eventId);

  /** Conversations with waiting events and no live lease, oldest first. */
  List<String> orphaned(int max);

  /**
   * The right to process one conversation's events.
   *
   * @param conversation the conversation's key ({@link
   *     org.evenkeel.core.model.ConversationAddress#key()})
   * @param token unique to this holding, so a holder whose lease expired cannot act on a new one
   * @param ttl how long the lease lasts without being extended
   */
  record Lease(String conversation, String token, Duration ttl) {}

  /** What {@link #append} did. */
  sealed interface Arrival permits Work, NoWork {}

  /** What {@link #next} found. */
  sealed interface Next permits Work, NoWork {}

  /**
   * An event to handle now, under {@code lease}.
   *
   * @param snapshot the event's member and conversation as stored when the event was handed out
   */
  record Work(Lease lease, InboundEvent event, MemberSnapshot snapshot) implements Arrival, Next {}

  /** Nothing for the caller to handle. */
  enum NoWork implements Arrival, Next {
    /** The event was appended before: a redelivery, dropped. */
    DUPLICATE,
    /** The event waits for the lease's holder, who will handle it. */
    QUEUED,
    /** The mailbox is empty and the lease was let go. */
    RELEASED,
    /** The lease ran out; the caller must stop. */
    LEASE_LOST
  }
}
