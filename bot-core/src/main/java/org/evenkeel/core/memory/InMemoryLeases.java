package org.evenkeel.core.memory;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.evenkeel.core.port.Leases;

/** Leases in this process's memory: one instance, so every lease is this instance's to take. */
public final class InMemoryLeases implements Leases {

  private final Clock clock;
  private final Map<String, Held> held = new HashMap<>();

  public InMemoryLeases(Clock clock) {
    this.clock = requireValue(clock, "clock");
  }

  @Override
  public synchronized boolean acquire(String name, String owner, Duration ttl) {
    Instant now = clock.instant();
    Held current = held.get(name);
    if (current != null && current.until().isAfter(now) && !current.owner().equals(owner)) {
      return false;
    }
    held.put(name, new Held(requireValue(owner, "owner"), now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized boolean renew(String name, String owner, Duration ttl) {
    Instant now = clock.instant();
    Held current = held.get(name);
    if (current == null || !current.owner().equals(owner) || !current.until().isAfter(now)) {
      return false;
    }
    held.put(name, new Held(owner, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized void release(String name, String owner) {
    Held current = held.get(name);
    if (current != null && current.owner().equals(owner)) {
      held.remove(name);
    }
  }

  private record Held(String owner, Instant until) {}
}
