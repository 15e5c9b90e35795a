package org.evenkeel.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies, kept exactly up to a fixed capacity (the load never runs more turns). */
public final class Latencies {

  private final long[] nanos;
  private final AtomicInteger count = new AtomicInteger();

  public Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  public void record(long elapsedNanos) {
    int i = count.getAndIncrement();
    if (i < nanos.length) {
      nanos[i] = elapsedNanos;
    }
  }

  /** The {@code quantiles} (each in (0, 1]) in milliseconds, nearest rank. */
  public double[] percentilesMillis(double... quantiles) {
    long[] sorted = Arrays.copyOf(nanos, count());
    Arrays.sort(sorted);
    double[] out = new double[quantiles.length];
    for (int i = 0; i < quantiles.length; i++) {
      int rank = (int) Math.ceil(quantiles[i] * sorted.length) - 1;
      out[i] = sorted.length == 0 ? Double.NaN : sorted[Math.max(0, rank)] / 1e6;
    }
    return out;
  }

  public int count() {
    return Math.min(count.get(), nanos.length);
  }
}
