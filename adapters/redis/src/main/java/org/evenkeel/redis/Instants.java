package org.evenkeel.redis;

import java.time.Instant;

/**
 * Instants as short, exact strings: epoch milliseconds, with the sub-millisecond nanoseconds after
 * a dot when there are any ({@code 1772442000000} or {@code 1772442000000.000250}). The text also
 * reads as a number, so Lua scripts and sorted-set scores use it directly.
 */
final class Instants {

  private static final int NANOS_PER_MILLI = 1_000_000;

  private Instants() {}

  static String encode(Instant instant) {
    long millis = instant.toEpochMilli();
    int subMilli = instant.getNano() % NANOS_PER_MILLI;
    if (subMilli == 0) {
      return Long.toString(millis);
    }
    // Zero-padded to six digits by hand: String.format showed up in profiles of the turn path.
    String digits = Integer.toString(subMilli);
    return millis + "." + "000000".substring(digits.length()) + digits;
  }

  static Instant decode(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    return Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot)))
        .plusNanos(Integer.parseInt(text.substring(dot + 1)));
  }
}
