package org.evenkeel.core.memory;

import java.time.Duration;
import org.evenkeel.core.port.Leases;
import org.evenkeel.core.testing.MutableClock;

class InMemoryLeasesTest extends LeasesContract {

  private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  private final InMemoryLeases leases = new InMemoryLeases(clock);

  @Override
  protected Leases leases() {
    return leases;
  }

  @Override
  protected void pass(Duration duration) {
    clock.advance(duration);
  }
}
