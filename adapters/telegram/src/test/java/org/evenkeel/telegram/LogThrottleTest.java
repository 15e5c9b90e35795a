package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  private final AtomicLong nanos = new AtomicLong(5_000);
  private final LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), nanos::get);

  @Test
  void theFirstLine_isLogged_withNothingHeldBack() {
    assertThat(throttle.tryLog()).hasValue(0);
  }

  @Test
  void linesWithinTheInterval_areHeldBack_andCountedInTheNextLineLogged() {
    throttle.tryLog();
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());

    assertThat(throttle.tryLog()).isEmpty();
    assertThat(throttle.tryLog()).isEmpty();

    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(throttle.tryLog()).hasValue(2);
    assertThat(throttle.tryLog()).isEmpty();
  }

  @Test
  void afterAQuietInterval_theNextLine_isLoggedWithNothingHeldBack() {
    throttle.tryLog();
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());

    assertThat(throttle.tryLog()).hasValue(0);
  }
}
