package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.junit.jupiter.api.Test;

/**
 * The in-memory rate limits against the contract, plus the exact arithmetic that a fake clock can
 * show: one token per interval to the microsecond, never more than capacity.
 */
class InMemoryRateLimitsTest extends RateLimitsContract {

  private static final Rate ONE_A_SECOND_BURST_THREE = new Rate(3, 1, Duration.ofSeconds(1));

  private final Bucket chat = new Bucket("test:chat:1", ONE_A_SECOND_BURST_THREE);

  @Override
  protected RateLimits newRateLimits() {
    return new InMemoryRateLimits(clock);
  }

  @Override
  protected RateLimits anotherInstance() {
    return limits;
  }

  @Test
  void emptyBucket_gainsOneTokenPerInterval_toTheMicrosecond() {
    limits.take(chat, 3);
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofSeconds(1)));

    clock.advance(Duration.ofMillis(999));
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofMillis(1)));

    clock.advance(Duration.ofNanos(999_000));
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofNanos(1_000)));

    clock.advance(Duration.ofNanos(1_000));
    assertThat(limits.take(chat, 1)).isEqualTo(Take.GRANTED);
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofSeconds(1)));
  }

  @Test
  void partlyRefilledBucket_grantsTheWholeTokensItHolds() {
    limits.take(chat, 3);
    clock.advance(Duration.ofMillis(2_500));

    assertThat(limits.take(chat, 3)).isEqualTo(Take.refused(Duration.ofMillis(500)));
    assertThat(limits.take(chat, 2)).isEqualTo(Take.GRANTED);
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofMillis(500)));
  }

  @Test
  void idleBucket_neverHoldsMoreThanItsCapacity() {
    limits.take(chat, 3);
    clock.advance(Duration.ofHours(10));

    assertThat(limits.take(chat, 3)).isEqualTo(Take.GRANTED);
    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofSeconds(1)));
  }

  @Test
  void take_ofSeveralTokens_waitsUntilAllOfThemAreThere() {
    limits.take(chat, 3);

    assertThat(limits.take(chat, 3)).isEqualTo(Take.refused(Duration.ofSeconds(3)));
    clock.advance(Duration.ofSeconds(2));
    assertThat(limits.take(chat, 3)).isEqualTo(Take.refused(Duration.ofSeconds(1)));
  }

  @Test
  void interval_isRoundedUpToWholeMicroseconds_soABucketIsNeverFasterThanItsRate() {
    Bucket global = new Bucket("telegram:global", Rate.perSecond(30));
    assertThat(limits.take(global, 30)).isEqualTo(Take.GRANTED);

    assertThat(limits.take(global, 1)).isEqualTo(Take.refused(Duration.ofNanos(33_334_000)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take(global, 30)).isEqualTo(Take.refused(Duration.ofNanos(20_000)));
  }

  @Test
  void takeAll_refused_waitsExactlyForTheSlowestBucket() {
    Bucket group = new Bucket("test:chat:-100", new Rate(3, 1, Duration.ofSeconds(10)));
    limits.takeAll(List.of(chat, group), 3);
    clock.advance(Duration.ofSeconds(1));

    // chat: 1 of 2 tokens there, the other in 1 s; group: 0 of 2, the second in 19 s.
    assertThat(limits.takeAll(List.of(chat, group), 2))
        .isEqualTo(Take.refused(Duration.ofSeconds(19)));
    assertThat(limits.take(chat, 1)).as("nothing was taken").isEqualTo(Take.GRANTED);
  }

  @Test
  void clockSetBack_leavesABucketEmptyForOneInterval_notForTheTimeItWentBack() {
    limits.take(chat, 3);

    clock.advance(Duration.ofDays(-1));

    assertThat(limits.take(chat, 1)).isEqualTo(Take.refused(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take(chat, 1)).isEqualTo(Take.GRANTED);
  }

  @Test
  void bucketsThatAreFullAgain_areForgotten() {
    InMemoryRateLimits memory = (InMemoryRateLimits) limits;
    for (int i = 0; i < 5 * InMemoryRateLimits.MIN_SWEEP_SIZE; i++) {
      memory.take(new Bucket("test:chat:" + i, ONE_A_SECOND_BURST_THREE), 1);
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(memory.bucketsHeld()).isLessThanOrEqualTo(InMemoryRateLimits.MIN_SWEEP_SIZE);
  }

  @Test
  void bucketsStillRefilling_areKeptBySweeps() {
    Bucket global = new Bucket("test:global", new Rate(5, 1, Duration.ofHours(1)));
    limits.take(global, 5);
    for (int i = 0; i < 3 * InMemoryRateLimits.MIN_SWEEP_SIZE; i++) {
      limits.take(new Bucket("test:chat:" + i, ONE_A_SECOND_BURST_THREE), 1);
      clock.advance(Duration.ofMillis(1));
    }

    assertThat(limits.take(global, 1).granted()).isFalse();
  }

  @Test
  void threadsHammeringOneBucket_whileTheClockMoves_getExactlyCapacityPlusRefill()
      throws Exception {
    Bucket global = new Bucket("test:global", new Rate(10, 1, Duration.ofMillis(100)));
    int threads = 4;
    int takes = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Each take is followed by 10 µs of time, so 4 x 20,000 takes span 800 ms: 8 refills.
      Callable<Long> taker =
          () -> {
            long granted = 0;
            for (int i = 0; i < takes; i++) {
              granted += limits.take(global, 1).granted() ? 1 : 0;
              synchronized (clock) {
                clock.advance(Duration.ofNanos(10_000));
              }
            }
            return granted;
          };
      long granted = 0;
      for (Future<Long> result : pool.invokeAll(Collections.nCopies(threads, taker))) {
        granted += result.get();
      }

      // At most 10 + 8. At least 10 + 7: after the last take, each thread advances the clock at
      // most once more (40 us), which can keep only the 8th token from being taken.
      assertThat(granted).isBetween(17L, 18L);
    } finally {
      pool.shutdownNow();
    }
  }
}
