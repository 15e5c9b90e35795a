package org.evenkeel.core.port;

import java.time.Duration;

/** Remembers which inbound events were already taken, so a redelivered one is not handled twice. */
public interface EventClaims {

  /**
   * Claims {@code eventId} for {@code ttl}.
   *
   * @return true the first time, false when it was already claimed
   */
  boolean claim(String eventId, Duration ttl);
}
