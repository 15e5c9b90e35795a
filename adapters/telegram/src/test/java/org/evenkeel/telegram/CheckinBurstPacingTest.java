package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.memory.InMemoryRateLimits;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The pace of a burst of daily check-ins: 10,000 members whose check-ins came due in the same
 * minute, sent by three instances through their {@link SendPacing}, which share one set of token
 * buckets (in memory here, Redis in production) on a fake clock. Each send's time is recorded when
 * its pacing lets it go; a pause lets that much fake time pass. Single-threaded, with the instances
 * taking turns: what holds the pace is the shared buckets, which every instance asks.
 */
class CheckinBurstPacingTest {

  private static final int CHECKINS = 10_000;
  private static final long FIRST_CHAT = 700_000_000L;

  private final MutableClock clock = MutableClock.at("2026-03-02T09:01:00Z");
  private final List<Duration> pauses = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        pauses.add(d);
        clock.advance(d);
      };
  private final InMemoryRateLimits buckets = new InMemoryRateLimits(clock);
  private final List<SendPacing> instances =
      List.of(pacing(), pacing(), pacing()); // three bot instances, one set of buckets

  private SendPacing pacing() {
    return new SendPacing(buckets, SendLimits.DEFAULTS, sleeper);
  }

  /** Sends one proactive message to each of {@code CHECKINS} private chats; when each went. */
  private List<Instant> sendCheckins() throws InterruptedException {
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < CHECKINS; i++) {
      instances.get(i % instances.size()).awaitTurn(FIRST_CHAT + i, Lane.PROACTIVE);
      sent.add(clock.instant());
    }
    return sent;
  }

  @Test
  void tenThousandCheckinsFromThreeInstances_neverGoFasterThanTheProactiveRate() throws Exception {
    Rate proactive = SendLimits.DEFAULTS.proactive();

    List<Instant> sent = sendCheckins();

    // Token-bucket conformance, over every window: n sends from the i-th to the j-th took at least
    // n - capacity intervals.
    assertWithinRate(sent, proactive);
    // Sliding one-second windows: at most the burst plus one second's refill, at the start only.
    assertThat(maxInOneSecond(sent)).isLessThanOrEqualTo(proactive.capacity() + proactive.refill());
    assertThat(maxInOneSecond(sent.subList(proactive.capacity() * 2, sent.size())))
        .as("once the burst is spent")
        .isLessThanOrEqualTo(proactive.refill());
    // And not slower than it needs to be: the whole burst takes (10,000 - 20) × 50 ms.
    Duration took = Duration.between(sent.get(0), sent.get(sent.size() - 1));
    assertThat(took).isEqualTo(proactive.interval().multipliedBy(CHECKINS - proactive.capacity()));
  }

  @Test
  void repliesDuringTheBurst_neverWaitForIt() throws Exception {
    Rate proactive = SendLimits.DEFAULTS.proactive();
    List<Duration> replyPauses = new ArrayList<>();

    for (int i = 0; i < 2_000; i++) {
      instances.get(i % 3).awaitTurn(FIRST_CHAT + i, Lane.PROACTIVE);
      if (i % 5 == 4) { // a member who answered: 4 replies a second at the proactive pace
        int before = pauses.size();
        instances.get((i + 1) % 3).awaitTurn(1_000 + i, Lane.INTERACTIVE);
        replyPauses.addAll(pauses.subList(before, pauses.size()));
      }
    }

    assertThat(pauses).as("the check-ins were held back").isNotEmpty();
    assertThat(replyPauses).as("replies keep the room the global bucket leaves").isEmpty();
    assertThat(proactive.refill()).isLessThan(SendLimits.DEFAULTS.global().refill());
  }

  /**
   * Asserts that {@code times} conform to a token bucket of {@code rate} that starts full: any
   * {@code n} consecutive sends span at least {@code n - capacity} intervals.
   */
  private static void assertWithinRate(List<Instant> times, Rate rate) {
    long interval = rate.intervalMicros();
    Instant start = times.get(0);
    long[] micros =
        times.stream().mapToLong(t -> Duration.between(start, t).toNanos() / 1000).toArray();
    for (int i = 0; i < micros.length; i++) {
      for (int j = i + rate.capacity(); j < micros.length; j++) {
        long sends = j - i + 1;
        long allowed = rate.capacity() + (micros[j] - micros[i]) / interval;
        if (sends > allowed) {
          throw new AssertionError(
              sends
                  + " sends between "
                  + times.get(i)
                  + " and "
                  + times.get(j)
                  + " exceed "
                  + rate);
        }
      }
    }
  }

  /** The most sends in any one-second window [t, t + 1 s). */
  private static int maxInOneSecond(List<Instant> times) {
    int max = 0;
    int first = 0;
    for (int last = 0; last < times.size(); last++) {
      while (!times.get(first).plusSeconds(1).isAfter(times.get(last))) {
        first++;
      }
      max = Math.max(max, last - first + 1);
    }
    return max;
  }
}
