package org.evenkeel.core.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evenkeel.core.port.EventClaims;

/** Event claims in memory, forgotten after their time to live. */
public final class InMemoryEventClaims implements EventClaims {

  private final Clock clock;
  private final Map<String, Instant> claims = new LinkedHashMap<>();

  public InMemoryEventClaims(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean claim(String eventId, Duration ttl) {
    Instant now = clock.instant();
    // Claims are inserted in time order with one ttl per caller, so expired ones sit at the front.
    for (Iterator<Instant> it = claims.values().iterator(); it.hasNext(); ) {
      if (it.next().isAfter(now)) {
        break;
      }
      it.remove();
    }
    Instant expiry = claims.get(eventId);
    if (expiry != null && expiry.isAfter(now)) {
      return false;
    }
    claims.put(eventId, now.plus(ttl));
    return true;
  }
}
