package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A member's pause of daily check-ins: from an instant until another, or until they resume. Both
 * instants are kept to the second (as stored); sub-second parts are dropped.
 *
 * @param from when the pause started, not before 1970
 * @param until when check-ins come back, after {@code from}; empty for "until I resume"
 */
public record Pause(Instant from, Optional<Instant> until) {

  public Pause {
    requireValue(from, "pause from");
    requireValue(until, "pause until");
    from = from.truncatedTo(ChronoUnit.SECONDS);
    until = until.map(u -> u.truncatedTo(ChronoUnit.SECONDS));
    require(!from.isBefore(Instant.EPOCH), "pause must not start before 1970 but started " + from);
    Instant start = from;
    until.ifPresent(
        u ->
            require(
                u.isAfter(start), "pause must end after it starts (" + start + ") but ended " + u));
  }

  /** A pause from {@code from} until {@code until}. */
  public static Pause between(Instant from, Instant until) {
    return new Pause(from, Optional.of(until));
  }

  /** A pause from {@code from} until the member resumes. */
  public static Pause untilResumed(Instant from) {
    return new Pause(from, Optional.empty());
  }

  /** Whether a check-in due at {@code instant} falls in the pause. */
  public boolean covers(Instant instant) {
    requireValue(instant, "instant");
    return !instant.isBefore(from) && until.map(instant::isBefore).orElse(true);
  }
}
