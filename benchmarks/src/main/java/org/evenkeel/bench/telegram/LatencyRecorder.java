package org.evenkeel.bench.telegram;

import java.util.concurrent.atomic.LongAdder;
import org.evenkeel.bench.Latencies;

/**
 * Latency of finished moves: from the update becoming available in getUpdates to the last reply the
 * move waited for reaching the fake, less the pause the flow itself makes there (its pacing, which
 * the member is meant to wait). Moves whose update became available within the measured period
 * count, also when their reply comes after it; moves with and without a pause are kept apart as
 * well as together. Finished moves are also counted per measured iteration.
 */
final class LatencyRecorder {

  private final Latencies all;
  private final Latencies immediate;
  private final Latencies paced;
  private final Latencies fetch;
  private volatile long from = Long.MAX_VALUE;
  private volatile long until = Long.MAX_VALUE;
  private volatile LongAdder iteration;

  /** Keeps up to {@code capacity} latencies of each kind. */
  LatencyRecorder(int capacity) {
    this.all = new Latencies(capacity);
    this.immediate = new Latencies(capacity);
    this.paced = new Latencies(capacity);
    this.fetch = new Latencies(capacity);
  }

  void record(TelegramMember.Done done, long nowNanos) {
    LongAdder counting = iteration;
    if (counting != null) {
      counting.increment();
    }
    if (done.availableNanos() >= from && done.availableNanos() < until) {
      long latency = nowNanos - done.availableNanos() - done.pauseNanos();
      all.record(latency);
      (done.pauseNanos() == 0 ? immediate : paced).record(latency);
    }
  }

  /** An update added at {@code addedNanos} was first handed to the bot by getUpdates now. */
  void recordFetch(long addedNanos, long nowNanos) {
    if (addedNanos >= from && addedNanos < until) {
      fetch.record(nowNanos - addedNanos);
    }
  }

  /** Moves made available from now on are measured. */
  void startMeasuring() {
    from = System.nanoTime();
  }

  /** Moves made available from now on are not measured. */
  void stopMeasuring() {
    until = System.nanoTime();
  }

  /** Counts finished moves from now until the next call or {@link #endIteration()}. */
  LongAdder startIteration() {
    LongAdder counter = new LongAdder();
    iteration = counter;
    return counter;
  }

  void endIteration() {
    iteration = null;
  }

  Latencies all() {
    return all;
  }

  /** Moves answered at once by the flow. */
  Latencies immediate() {
    return immediate;
  }

  /** How long updates waited in the feed until getUpdates handed them to the bot. */
  Latencies fetch() {
    return fetch;
  }

  /** Moves whose reply the flow sends after a pause: the time beyond the pause. */
  Latencies paced() {
    return paced;
  }
}
