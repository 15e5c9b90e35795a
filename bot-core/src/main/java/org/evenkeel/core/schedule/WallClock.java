package org.evenkeel.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Reads a local date and time in a zone as one instant, by RFC 5545 §3.3.5: a repeated local time
 * (fall back) is its first occurrence, a nonexistent one (spring forward) is read with the offset
 * before the gap, that is moved forward by the gap's length.
 */
final class WallClock {

  private WallClock() {}

  static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
    // ofLocal without a preferred offset: the earlier offset in an overlap, shifted by the gap's
    // length in a gap; exactly the RFC 5545 rules.
    return ZonedDateTime.ofLocal(date.atTime(time), zone, null).toInstant();
  }
}
