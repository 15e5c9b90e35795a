package org.evenkeel.telegram;

import java.time.Duration;

/**
 * Counts the requests being handled, so that closing can wait for them; once closed it admits no
 * new ones.
 *
 * <p>Shared by the server's worker threads and the thread that closes: guarded by this object's
 * monitor.
 */
final class InFlightRequests {

  private int count;
  private boolean closed;

  /** Admits a request; false once {@link #closeAndAwait} was called. */
  synchronized boolean tryEnter() {
    if (closed) {
      return false;
    }
    count++;
    return true;
  }

  /** A request admitted by {@link #tryEnter} is done. */
  synchronized void exit() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Requests admitted and not yet done. */
  synchronized int count() {
    return count;
  }

  /**
   * Admits no more requests and waits until those admitted are done, or {@code timeout} passed.
   *
   * @return how many were still in flight when it stopped waiting (0 when all finished)
   */
  synchronized int closeAndAwait(Duration timeout) throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      // wait(ms, ns) would round anyway; a millisecond more is harmless.
      wait(Math.max(1, remaining / 1_000_000));
    }
    return count;
  }
}
