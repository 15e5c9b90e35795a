package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to do when a check-in's due item is claimed: send the check-in of one local date, or skip.
 * Either way {@link #next} is when the member's next check-in is due (empty while paused until
 * resumed), to be put back in the due-queue.
 */
public sealed interface CheckinDecision {

  /** When the next check-in is due; empty when none is (paused until resumed). */
  Optional<Instant> next();

  /**
   * Send the check-in of {@code localDate}, then record it with {@link
   * CheckinSchedule#sentOn(LocalDate)}.
   *
   * @param localDate the local date whose check-in this is, the key of the at-most-once guard
   * @param late whether it goes out more than {@link CheckinPlanner#LATE_AFTER} after its slot
   *     (after downtime), so the message can say so
   * @param next when the following check-in is due, computed as if this one was recorded
   */
  record Send(LocalDate localDate, boolean late, Optional<Instant> next)
      implements CheckinDecision {
    public Send {
      requireValue(localDate, "localDate");
      requireValue(next, "next");
    }
  }

  /**
   * Send nothing now.
   *
   * @param reason why, for logs and metrics
   * @param next when the next check-in is due
   */
  record Skip(SkipReason reason, Optional<Instant> next) implements CheckinDecision {
    public Skip {
      requireValue(reason, "reason");
      requireValue(next, "next");
    }
  }

  /** Why a claimed check-in was not sent. */
  enum SkipReason {
    /** The item was claimed before its due instant (clocks of instances differ a little). */
    NOT_DUE_YET,
    /** The item was planned for a schedule that has since changed (zone, time, days, jitter). */
    SCHEDULE_CHANGED,
    /** The check-in of that local date went out already, perhaps from another instance. */
    ALREADY_SENT,
    /** The member chose to skip that local date. */
    MEMBER_SKIPPED,
    /** Check-ins are paused. */
    PAUSED,
    /** The bot was down for longer than the grace window; the next check-in comes as usual. */
    GRACE_EXCEEDED
  }
}
