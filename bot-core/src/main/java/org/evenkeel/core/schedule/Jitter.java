package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A stable per-member offset in {@code [0, max)}, whole seconds, added to every check-in so that
 * the many members who chose 08:00 are not all sent at the same second. The offset depends only on
 * the member key and {@code max}: the same on every instance, JVM and restart (64-bit FNV-1a of the
 * key's UTF-8 bytes, finished with MurmurHash3's fmix64 so that keys differing in one character
 * spread over the whole window). Changing the hash would move every member's check-in, so a test
 * pins it.
 *
 * @param max the offsets stay below this; whole seconds, from zero (no jitter) to {@link #MAX_MAX}
 */
public record Jitter(Duration max) {

  /** The default spread of check-ins at the same local time. */
  public static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

  /** The largest allowed {@link #max}: more would no longer read as "at the time I chose". */
  public static final Duration MAX_MAX = Duration.ofHours(1);

  /** Jitter of up to {@link #DEFAULT_MAX}. */
  public static final Jitter DEFAULT = new Jitter(DEFAULT_MAX);

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  public Jitter {
    requireValue(max, "max jitter");
    require(
        !max.isNegative() && max.compareTo(MAX_MAX) <= 0,
        "max jitter must be between 0 and " + MAX_MAX + " but was " + max);
    require(max.getNano() == 0, "max jitter must be whole seconds but was " + max);
  }

  /** The offset of the member with key {@code memberKey}, in {@code [0, max)}. */
  public Duration offsetFor(String memberKey) {
    requireValue(memberKey, "member key");
    require(!memberKey.isBlank(), "member key must not be blank");
    if (max.isZero()) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Long.remainderUnsigned(hash(memberKey), max.getSeconds()));
  }

  static long hash(String key) {
    long h = FNV_OFFSET_BASIS;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
