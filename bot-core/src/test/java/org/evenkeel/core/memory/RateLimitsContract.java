package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.port.RateLimits.Take;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimits} must do. An implementation passes by extending this class; {@link
 * #newRateLimits} returns one whose buckets are all full and whose time follows {@link #clock}. One
 * whose time cannot be faked (Redis decides on its own clock) overrides {@link #letTimePass} and
 * {@link #storeTime}: every assertion here holds whatever time passes while the test runs, so it
 * needs no exact timing, only the bounds that follow from the bucket arithmetic.
 */
public abstract class RateLimitsContract {

  /** One token an hour: nothing refills while a test runs. */
  private static final Duration HOUR = Duration.ofHours(1);

  /** Five an hour: a bucket that only a burst empties. */
  private static final Rate FIVE_AN_HOUR = new Rate(5, 1, HOUR);

  /** A burst of two, then one every 200 ms: quick enough to wait for in a test. */
  private static final Rate QUICK = new Rate(2, 1, Duration.ofMillis(200));

  protected final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  protected RateLimits limits;

  /** Rate limits whose buckets are all full. Called before every test. */
  protected abstract RateLimits newRateLimits();

  /**
   * A second instance sharing the buckets of the last {@link #newRateLimits}, as a second bot
   * instance would (one in memory, which no other process can share, returns the same object).
   */
  protected abstract RateLimits anotherInstance();

  /** Lets {@code time} pass on the clock that decides takes. */
  protected void letTimePass(Duration time) throws InterruptedException {
    clock.advance(time);
  }

  /** The time on the clock that decides takes. */
  protected Instant storeTime() {
    return clock.instant();
  }

  @BeforeEach
  void open() {
    limits = newRateLimits();
  }

  private static Bucket bucket(String name, Rate rate) {
    return new Bucket(name, rate);
  }

  @Test
  void freshBucket_grantsItsCapacityInABurst_thenRefusesWithAWaitOfAtMostOneInterval() {
    Bucket chat = bucket("test:chat:1", FIVE_AN_HOUR);

    for (int i = 1; i <= 5; i++) {
      assertThat(limits.take(chat, 1).granted()).as("token %d of the burst", i).isTrue();
    }
    Take refused = limits.take(chat, 1);

    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);
  }

  @Test
  void take_ofSeveralTokens_takesThemAll_orNone() {
    Bucket chat = bucket("test:chat:1", FIVE_AN_HOUR);

    assertThat(limits.take(chat, 3).granted()).isTrue();
    Take tooMany = limits.take(chat, 3);
    assertThat(tooMany.granted()).isFalse();
    assertThat(tooMany.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);

    assertThat(limits.take(chat, 2).granted()).as("the refused take took nothing").isTrue();
    assertThat(limits.take(chat, 1).granted()).isFalse();
  }

  @Test
  void afterTheReportedWait_theTakeIsGranted() throws Exception {
    Bucket chat = bucket("test:chat:1", QUICK);
    Take refused = takeUntilRefused(chat);

    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(QUICK.interval());
    letTimePass(refused.retryAfter());

    assertThat(limits.take(chat, 1).granted()).isTrue();
  }

  @Test
  void emptiedBucket_isFullAgainAfterItsFillTime() throws Exception {
    Bucket chat = bucket("test:chat:1", QUICK);
    takeUntilRefused(chat);

    letTimePass(QUICK.fillTime());

    assertThat(limits.take(chat, QUICK.capacity()).granted()).isTrue();
  }

  @Test
  void buckets_areIndependent() {
    Bucket one = bucket("test:chat:1", FIVE_AN_HOUR);
    Bucket two = bucket("test:chat:2", FIVE_AN_HOUR);

    assertThat(limits.take(one, 5).granted()).isTrue();

    assertThat(limits.take(one, 1).granted()).isFalse();
    assertThat(limits.take(two, 5).granted()).isTrue();
  }

  @Test
  void takeAll_whenEveryBucketHasRoom_takesFromEach() {
    Bucket global = bucket("test:global", new Rate(2, 1, HOUR));
    Bucket group = bucket("test:chat:-100", new Rate(3, 1, HOUR));

    assertThat(limits.takeAll(List.of(global, group), 2).granted()).isTrue();

    assertThat(limits.take(global, 1).granted()).isFalse();
    assertThat(limits.take(group, 1).granted()).isTrue();
    assertThat(limits.take(group, 1).granted()).isFalse();
  }

  @Test
  void takeAll_withOneBucketEmpty_takesFromNone() {
    Bucket global = bucket("test:global", FIVE_AN_HOUR);
    Bucket group = bucket("test:chat:-100", new Rate(2, 1, HOUR));
    assertThat(limits.take(group, 2).granted()).isTrue();

    for (List<Bucket> order : List.of(List.of(global, group), List.of(group, global))) {
      Take refused = limits.takeAll(order, 1);
      assertThat(refused.granted()).isFalse();
      assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);
    }

    assertThat(limits.take(global, 5).granted()).as("nothing was taken from global").isTrue();
  }

  @Test
  void takeAll_refused_waitsForTheSlowestBucket() {
    Bucket hourly = bucket("test:global", new Rate(1, 1, HOUR));
    Bucket minutely = bucket("test:chat:-100", new Rate(1, 1, Duration.ofMinutes(1)));
    assertThat(limits.takeAll(List.of(hourly, minutely), 1).granted()).isTrue();

    Take refused = limits.takeAll(List.of(minutely, hourly), 1);

    assertThat(refused.granted()).isFalse();
    // The hourly bucket's token is an hour away less the moments since it was taken: far more
    // than the minute the other bucket needs, whatever the speed of the machine.
    assertThat(refused.retryAfter())
        .isGreaterThan(Duration.ofMinutes(30))
        .isLessThanOrEqualTo(HOUR);
  }

  @Test
  void anotherInstance_takesFromTheSameBuckets() {
    Bucket global = bucket("test:global", FIVE_AN_HOUR);
    RateLimits other = anotherInstance();

    assertThat(limits.take(global, 3).granted()).isTrue();
    assertThat(other.take(global, 3).granted()).isFalse();
    assertThat(other.take(global, 2).granted()).isTrue();
    assertThat(limits.take(global, 1).granted()).isFalse();
  }

  @Test
  void threadsOfTwoInstances_hammeringOneBucket_neverGetMoreThanCapacityPlusRefill()
      throws Exception {
    Rate rate = new Rate(20, 1, Duration.ofSeconds(1));
    Bucket global = bucket("test:global", rate);
    List<RateLimits> instances = List.of(limits, anotherInstance());
    Instant start = storeTime();

    long granted = hammer(8, 250, i -> instances.get(i % 2).take(global, 1));

    // Every grant moves the bucket's "full again" one interval later, and it never runs more than
    // capacity intervals ahead of the clock: so grants <= capacity + elapsed / interval.
    long refilled = Duration.between(start, storeTime()).dividedBy(rate.interval());
    assertThat(granted).isBetween((long) rate.capacity(), rate.capacity() + refilled);
  }

  @Test
  void threadsTakingASharedBucketAndTheirOwn_neverOverdrawTheSharedOne() throws Exception {
    Rate shared = new Rate(30, 1, Duration.ofSeconds(1));
    Rate own = new Rate(100, 1, Duration.ofSeconds(1));
    Bucket global = bucket("test:global", shared);
    List<RateLimits> instances = List.of(limits, anotherInstance());
    Instant start = storeTime();

    long granted =
        hammer(
            8,
            250,
            i -> instances.get(i % 2).takeAll(List.of(global, bucket("test:chat:" + i, own)), 1));

    long refilled = Duration.between(start, storeTime()).dividedBy(shared.interval());
    assertThat(granted).isBetween((long) shared.capacity(), shared.capacity() + refilled);
  }

  @Test
  void badArguments_areRefused_withMessagesNamingTheProblem() {
    Bucket chat = bucket("test:chat:1", FIVE_AN_HOUR);
    Bucket global = bucket("test:global", new Rate(3, 1, HOUR));

    assertRefused(() -> limits.take(chat, 0), "tokens to take must be at least 1 but was 0");
    assertRefused(() -> limits.take(chat, -2), "tokens to take must be at least 1 but was -2");
    assertRefused(
        () -> limits.takeAll(List.of(chat, global), 4),
        "cannot take 4 tokens from bucket 'test:global', which holds at most 3");
    assertRefused(() -> limits.take(null, 1), "bucket must not be null");
    assertRefused(() -> limits.takeAll(null, 1), "buckets must not be null");
    assertRefused(() -> limits.takeAll(List.of(), 1), "a take names 1 to 8 buckets but named 0");
    assertRefused(
        () -> limits.takeAll(Collections.nCopies(9, chat), 1),
        "a take names 1 to 8 buckets but named 9");
    assertRefused(
        () -> limits.takeAll(List.of(chat, global, bucket("test:chat:1", QUICK)), 1),
        "bucket 'test:chat:1' is named twice in one take");
    assertRefused(
        () -> limits.takeAll(Arrays.asList(chat, null), 1), "a bucket of a take must not be null");

    assertThat(limits.take(chat, 5).granted()).as("no refused call took anything").isTrue();
  }

  /** Takes one token at a time until refused (a clock that moves refills meanwhile). */
  private Take takeUntilRefused(Bucket bucket) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      Take take = limits.take(bucket, 1);
      if (!take.granted()) {
        return take;
      }
    }
    throw new AssertionError("1,000 takes in a row granted from " + bucket);
  }

  /** Runs {@code takes} takes on each of {@code threads} threads; returns how many were granted. */
  private static long hammer(int threads, int takes, TakeOnThread take) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Long>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(
            () -> {
              long granted = 0;
              for (int i = 0; i < takes; i++) {
                granted += take.on(thread).granted() ? 1 : 0;
              }
              return granted;
            });
      }
      long granted = 0;
      for (Future<Long> worker : pool.invokeAll(workers)) {
        granted += worker.get();
      }
      return granted;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertRefused(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  /** One take, made on worker thread number {@code thread}. */
  @FunctionalInterface
  private interface TakeOnThread {
    Take on(int thread);
  }
}
