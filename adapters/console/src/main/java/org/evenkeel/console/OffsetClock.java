package org.evenkeel.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only grows: {@code --fast} jumps it to the next pacing timer
 * instead of waiting, while time otherwise passes as usual.
 */
public final class OffsetClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public OffsetClock(Clock base) {
    this.base = base;
  }

  /** Moves the clock forward to {@code instant}; never backwards. */
  public void advanceTo(Instant instant) {
    offset.updateAndGet(
        current -> {
          Duration needed = Duration.between(base.instant(), instant);
          return needed.compareTo(current) > 0 ? needed : current;
        });
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("not needed");
  }
}
