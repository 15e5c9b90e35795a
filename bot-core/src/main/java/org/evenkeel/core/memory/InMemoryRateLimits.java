package org.evenkeel.core.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.port.RateLimits;

/**
 * Token buckets in memory, for one process, on an injected clock. Each bucket is one number: when
 * it will be full again (the same state and arithmetic as {@code rate_take.lua} in the Redis
 * adapter); a bucket without one is full. One lock: a take of several buckets must see and change
 * them together.
 */
public final class InMemoryRateLimits implements RateLimits {

  /**
   * Full buckets are forgotten when the map reaches this size, or twice its size after the last
   * sweep: constant time per take on average, and memory bounded by the buckets recently used (one
   * per chat that was sent to).
   */
  static final int MIN_SWEEP_SIZE = 1024;

  private final Clock clock;

  /** When each bucket will be full again, in microseconds since the epoch; guarded by this. */
  private final Map<String, Long> fullAt = new HashMap<>();

  private int sweepSize = MIN_SWEEP_SIZE;

  public InMemoryRateLimits(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Take takeAll(List<Bucket> buckets, int tokens) {
    RateLimits.requireTakeable(buckets, tokens);
    long now = micros(clock.instant());
    long[] after = new long[buckets.size()];
    long wait = 0;
    for (int i = 0; i < after.length; i++) {
      Bucket bucket = buckets.get(i);
      long interval = bucket.rate().intervalMicros();
      long window = bucket.rate().capacity() * interval;
      long full = Math.max(fullAt.getOrDefault(bucket.name(), now), now);
      if (full > now + window) {
        // Emptier than empty: the clock went back. Counting from an empty bucket now costs one
        // fill time at most, instead of waiting for the clock to catch up.
        full = now + window;
        fullAt.put(bucket.name(), full);
      }
      after[i] = full + tokens * interval;
      wait = Math.max(wait, after[i] - now - window);
    }
    if (wait > 0) {
      return Take.refused(Duration.ofNanos(wait * 1000));
    }
    for (int i = 0; i < after.length; i++) {
      fullAt.put(buckets.get(i).name(), after[i]);
    }
    forgetFullBuckets(now);
    return Take.GRANTED;
  }

  /** How many buckets are held (the others are full): for tests of the sweep. */
  synchronized int bucketsHeld() {
    return fullAt.size();
  }

  private void forgetFullBuckets(long now) {
    if (fullAt.size() < sweepSize) {
      return;
    }
    fullAt.values().removeIf(full -> full <= now);
    sweepSize = Math.max(MIN_SWEEP_SIZE, 2 * fullAt.size());
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }
}
