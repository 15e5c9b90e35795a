package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;

/**
 * The operator's knobs for daily check-ins.
 *
 * @param maxJitter the spread of check-ins at the same local time (see {@link Jitter})
 * @param grace how late a check-in may still be sent after downtime; older ones are skipped. At
 *     most {@link #MAX_GRACE}, so a late check-in never runs into the next day's
 * @param followUpAfter how long after an unanswered check-in the one gentle follow-up comes;
 *     positive, at most a day
 */
public record SchedulingSettings(Duration maxJitter, Duration grace, Duration followUpAfter) {

  /** The largest grace window: half a day keeps a late check-in well clear of the next one. */
  public static final Duration MAX_GRACE = Duration.ofHours(12);

  /** 5 minutes of jitter, 3 hours of grace, a follow-up after 4 hours. */
  public static final SchedulingSettings DEFAULTS =
      new SchedulingSettings(Jitter.DEFAULT_MAX, Duration.ofHours(3), Duration.ofHours(4));

  public SchedulingSettings {
    requireValue(maxJitter, "maxJitter");
    requireValue(grace, "grace");
    requireValue(followUpAfter, "followUpAfter");
    new Jitter(maxJitter); // throws unless maxJitter is a valid Jitter.max
    require(
        !grace.isNegative() && grace.compareTo(MAX_GRACE) <= 0,
        "grace must be between 0 and " + MAX_GRACE + " but was " + grace);
    require(
        !followUpAfter.isNegative()
            && !followUpAfter.isZero()
            && followUpAfter.compareTo(Duration.ofDays(1)) <= 0,
        "followUpAfter must be positive and at most a day but was " + followUpAfter);
  }

  public SchedulingSettings withMaxJitter(Duration value) {
    return new SchedulingSettings(value, grace, followUpAfter);
  }

  public SchedulingSettings withGrace(Duration value) {
    return new SchedulingSettings(maxJitter, value, followUpAfter);
  }

  public SchedulingSettings withFollowUpAfter(Duration value) {
    return new SchedulingSettings(maxJitter, grace, value);
  }
}
