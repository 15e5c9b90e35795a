package org.evenkeel.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;

/**
 * Every timed thing, ordered by due time. Timers are set and cancelled by {@link
 * MemberStore#commit}; this port hands due ones out.
 */
public interface DueQueue {

  /**
   * Claims up to {@code max} timers due at {@code now}. A claimed timer is hidden for {@code
   * visibility}; if it is not {@link #complete completed} by then it is handed out again.
   */
  List<DueTimer> claimDue(Instant now, int max, Duration visibility);

  /** Removes a claimed timer once its turn is done (unless it was set again meanwhile). */
  void complete(DueTimer timer);

  /** The earliest pending pacing timer of a conversation, for a script waiting on an exercise. */
  Optional<Instant> nextPacing(ConversationAddress address);
}
