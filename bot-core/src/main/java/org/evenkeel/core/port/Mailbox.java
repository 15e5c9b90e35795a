package org.evenkeel.core.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.event.InboundEvent;

/**
 * Per-conversation queues of inbound events. An event is appended durably as soon as it arrives;
 * whichever instance holds the conversation's lease takes events from the head, one at a time, in
 * arrival order. A lease that is not renewed expires, so when its holder crashes another instance
 * picks up the waiting events ({@link #orphaned}).
 */
public interface Mailbox {

  /**
   * Appends {@code event} to its conversation's queue, claiming its id at the same time.
   *
   * @return false when an event with this id was appended before (a redelivery); nothing changes
   */
  boolean append(InboundEvent event);

  /**
   * Becomes the only holder of {@code conversation}'s lease for {@code ttl}, if nobody holds it.
   */
  Optional<Lease> acquire(String conversation, Duration ttl);

  /** The oldest waiting event of the leased conversation. */
  Optional<InboundEvent> head(Lease lease);

  /**
   * Removes the head, which must be {@code eventId}, and extends the lease.
   *
   * @return false when the lease was lost (expired and taken): the caller must stop
   */
  boolean pop(Lease lease, String eventId);

  /**
   * Releases the lease if no event is waiting.
   *
   * @return true when released, or when the lease was already lost (there is nothing left for this
   *     caller to do); false when events arrived meanwhile and the caller keeps the lease
   */
  boolean releaseIfEmpty(Lease lease);

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
}
