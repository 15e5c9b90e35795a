package org.evenkeel.telegram;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Lets one log line through per interval and counts the ones held back, so a flood of bad requests
 * costs a line a minute instead of a line a request.
 *
 * <p>Time comes from a nanosecond ticker ({@code System::nanoTime} in production), so tests move it
 * by hand. Safe for concurrent use: the state is guarded by this object's monitor, and the critical
 * section is a few arithmetic operations.
 */
final class LogThrottle {

  private final long intervalNanos;
  private final LongSupplier ticker;
  private boolean loggedBefore;
  private long lastLoggedAt;
  private long suppressed;

  LogThrottle(Duration interval, LongSupplier ticker) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive but was " + interval);
    }
    this.intervalNanos = interval.toNanos();
    this.ticker = ticker;
  }

  /**
   * Whether to log now: empty when the line should be dropped, otherwise how many lines were
   * dropped since the last one logged (to be mentioned in the line).
   */
  synchronized OptionalLong tryLog() {
    long now = ticker.getAsLong();
    if (loggedBefore && now - lastLoggedAt < intervalNanos) {
      suppressed++;
      return OptionalLong.empty();
    }
    loggedBefore = true;
    lastLoggedAt = now;
    long dropped = suppressed;
    suppressed = 0;
    return OptionalLong.of(dropped);
  }
}
