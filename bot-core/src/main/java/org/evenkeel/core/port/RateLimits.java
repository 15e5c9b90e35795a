package org.evenkeel.core.port;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Token buckets that pace sending, shared by every instance of the bot (ARCHITECTURE.md, Sending):
 * a platform's overall limit, one per chat, one per route, the proactive lane. A sender takes a
 * token from each bucket a message counts against before sending it; when refused, it waits the
 * time the answer names and tries again, instead of polling.
 *
 * <p>A bucket holds at most {@link Rate#capacity()} tokens (the burst) and gains one every {@link
 * Rate#interval()}, continuously rather than in steps at the end of each period. A bucket nobody
 * took from, or that has had time to refill, is full. A bucket is known by its name only: every
 * caller of one bucket gives it the same rate, and each take reads the bucket under the rate it
 * names.
 *
 * <p>Implementations are thread-safe; one that several instances share (Redis) decides every take
 * on one clock, so the instances' own clocks do not matter.
 */
public interface RateLimits {

  /**
   * The most buckets one take may name. A send counts against two or three (overall, chat, route);
   * the bound keeps a take short, since a shared store serves no one else while it decides.
   */
  int MAX_BUCKETS_PER_TAKE = 8;

  /**
   * Takes {@code tokens} from {@code bucket} if it holds them now.
   *
   * @return {@link Take#GRANTED}, or refused with how long until it will hold them
   * @throws IllegalArgumentException when {@code tokens} is below 1 or above the bucket's capacity
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  default Take take(Bucket bucket, int tokens) {
    return takeAll(List.of(requireValue(bucket, "bucket")), tokens);
  }

  /**
   * Takes {@code tokens} from every one of {@code buckets}, or from none: a message to a group
   * counts against the overall bucket and the group's, and is sent only when both have room.
   *
   * @return {@link Take#GRANTED} when every bucket held the tokens (all are taken); otherwise
   *     refused, nothing taken, with the longest of the buckets' waits: the time after which every
   *     one of them will hold the tokens, if no one else takes from them meanwhile
   * @throws IllegalArgumentException for no buckets, more than {@link #MAX_BUCKETS_PER_TAKE}, a
   *     bucket named twice, or {@code tokens} below 1 or above any of the buckets' capacity
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  Take takeAll(List<Bucket> buckets, int tokens);

  /**
   * Checks the arguments of {@link #takeAll}, with the messages every implementation gives.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static void requireTakeable(List<Bucket> buckets, int tokens) {
    requireValue(buckets, "buckets");
    if (buckets.isEmpty() || buckets.size() > MAX_BUCKETS_PER_TAKE) {
      throw new IllegalArgumentException(
          "a take names 1 to " + MAX_BUCKETS_PER_TAKE + " buckets but named " + buckets.size());
    }
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens to take must be at least 1 but was " + tokens);
    }
    Set<String> names = new HashSet<>();
    for (Bucket bucket : buckets) {
      requireValue(bucket, "a bucket of a take");
      if (!names.add(bucket.name())) {
        throw new IllegalArgumentException(
            "bucket '" + bucket.name() + "' is named twice in one take");
      }
      if (tokens > bucket.rate().capacity()) {
        throw new IllegalArgumentException(
            "cannot take "
                + tokens
                + " tokens from bucket '"
                + bucket.name()
                + "', which holds at most "
                + bucket.rate().capacity());
      }
    }
  }

  /**
   * One token bucket: what it is called, and its rate.
   *
   * @param name identifies the bucket across instances, e.g. {@code telegram:global}, {@code
   *     telegram:chat:<chatId>}, {@code proactive:telegram}; non-blank, at most {@link
   *     #MAX_NAME_LENGTH} characters, without whitespace or control characters
   * @param rate its capacity and how fast it refills
   */
  record Bucket(String name, Rate rate) {

    /** The longest bucket name: a name becomes part of a key in a shared store. */
    public static final int MAX_NAME_LENGTH = 200;

    public Bucket {
      requireValue(name, "bucket name");
      requireValue(rate, "rate of bucket '" + name + "'");
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "bucket name must have 1 to "
                + MAX_NAME_LENGTH
                + " characters but had "
                + name.length());
      }
      if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new IllegalArgumentException(
            "bucket name must not contain whitespace or control characters but was '" + name + "'");
      }
    }
  }

  /**
   * How much a bucket holds and how fast it refills: {@code capacity} tokens at most, {@code
   * refill} tokens added over every {@code period}, evenly spread ({@link #interval()} apart).
   *
   * @param capacity the most tokens the bucket holds: the burst a full bucket allows
   * @param refill how many tokens it gains per {@code period}
   * @param period the period of {@code refill}
   */
  record Rate(int capacity, int refill, Duration period) {

    /**
     * The longest time an empty bucket may take to fill. Token buckets here pace sends against
     * per-second and per-minute platform limits; an idle bucket is forgotten once full, so this
     * also bounds how long a shared store keeps one.
     */
    public static final Duration MAX_FILL_TIME = Duration.ofDays(1);

    public Rate {
      if (capacity < 1) {
        throw new IllegalArgumentException("rate capacity must be at least 1 but was " + capacity);
      }
      if (refill < 1) {
        throw new IllegalArgumentException(
            "rate refill must be at least 1 token per period but was " + refill);
      }
      requireValue(period, "rate period");
      if (period.isNegative() || period.isZero() || period.compareTo(MAX_FILL_TIME) > 0) {
        throw new IllegalArgumentException(
            "rate period must be positive and at most " + MAX_FILL_TIME + " but was " + period);
      }
      long interval = intervalMicros(refill, period);
      if (interval > MAX_FILL_TIME.toNanos() / 1000 / capacity) {
        throw new IllegalArgumentException(
            "a bucket of capacity "
                + capacity
                + " refilled by "
                + refill
                + " every "
                + period
                + " takes more than "
                + MAX_FILL_TIME
                + " to fill");
      }
    }

    /** {@code tokens} per second, with a burst of as many. */
    public static Rate perSecond(int tokens) {
      return new Rate(tokens, tokens, Duration.ofSeconds(1));
    }

    /** {@code tokens} per minute, with a burst of as many. */
    public static Rate perMinute(int tokens) {
      return new Rate(tokens, tokens, Duration.ofMinutes(1));
    }

    /** The same refill with another capacity (burst). */
    public Rate withCapacity(int value) {
      return new Rate(value, refill, period);
    }

    /**
     * The time between two tokens: {@code period / refill}, rounded up to whole microseconds (the
     * resolution of Redis's clock), so a bucket is never faster than its rate.
     */
    public Duration interval() {
      return Duration.ofNanos(intervalMicros() * 1000);
    }

    /** {@link #interval()} in microseconds. */
    public long intervalMicros() {
      return intervalMicros(refill, period);
    }

    /** How long an empty bucket takes to fill: {@code capacity} intervals. */
    public Duration fillTime() {
      return interval().multipliedBy(capacity);
    }

    private static long intervalMicros(int refill, Duration period) {
      long nanosPerToken = refill * 1000L;
      return (period.toNanos() + nanosPerToken - 1) / nanosPerToken;
    }
  }

  /**
   * The answer to a take: granted, or refused with the time to wait.
   *
   * @param granted whether the tokens were taken
   * @param retryAfter zero when granted; when refused, how long until the tokens will be there if
   *     no one else takes them first (a sender sleeps this long, then takes again)
   */
  record Take(boolean granted, Duration retryAfter) {

    /** The tokens were taken. */
    public static final Take GRANTED = new Take(true, Duration.ZERO);

    public Take {
      requireValue(retryAfter, "retryAfter");
      if (granted != retryAfter.isZero() || retryAfter.isNegative()) {
        throw new IllegalArgumentException(
            "a take is granted with no wait or refused with a positive one, not granted="
                + granted
                + " with retryAfter "
                + retryAfter);
      }
    }

    /** Nothing was taken; the tokens will be there after {@code retryAfter}. */
    public static Take refused(Duration retryAfter) {
      return new Take(false, retryAfter);
    }
  }
}
