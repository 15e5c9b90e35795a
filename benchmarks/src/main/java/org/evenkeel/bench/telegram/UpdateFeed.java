package org.evenkeel.bench.telegram;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bot's pending updates and {@code getUpdates} (https://core.telegram.org/bots/api#getupdates)
 * as the load needs it: an update is forgotten once a poll's offset passes its update_id; a poll
 * that finds nothing is held up to its timeout and answered as soon as an update arrives. Updates
 * are kept as finished JSON, so a poll only joins strings.
 *
 * <p>Simulated members (on any thread) add updates while the bot's poll waits on a server thread:
 * one lock guards the queue, with a condition that wakes the held poll.
 */
final class UpdateFeed {

  /** "Values between 1-100 are accepted. Defaults to 100." */
  static final int LIMIT_MAX = 100;

  private record Pending(long updateId, String json, long addedNanos) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final LatencyRecorder recorder;
  private final LongAdder redelivered = new LongAdder();
  private final LongAdder handedOut = new LongAdder();
  private final LongAdder pollsWithUpdates = new LongAdder();
  private long nextUpdateId = 1;
  private long highestDelivered;
  private boolean closed;

  /** A feed that reports to {@code recorder} how long each update waited to be fetched. */
  UpdateFeed(LatencyRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Adds an update and wakes a held poll; returns its update_id.
   *
   * @param field the update's one field and its value, e.g. {@code "message":{...}}
   */
  long add(String field) {
    lock.lock();
    try {
      long id = nextUpdateId++;
      pending.add(new Pending(id, "{\"update_id\":" + id + "," + field + "}", System.nanoTime()));
      arrived.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Answers one getUpdates: confirms everything below {@code offset}, then returns the JSON array
   * of up to {@code limit} updates, holding the call up to {@code timeoutSeconds} while there are
   * none.
   */
  String poll(long offset, int limit, int timeoutSeconds) throws InterruptedException {
    int max = Math.max(1, Math.min(LIMIT_MAX, limit));
    lock.lock();
    try {
      while (!pending.isEmpty() && pending.peekFirst().updateId() < offset) {
        pending.pollFirst();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
      while (pending.isEmpty() && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return "[]";
        }
        arrived.awaitNanos(left);
      }
      long now = System.nanoTime();
      pollsWithUpdates.increment();
      StringBuilder out = new StringBuilder(max * 300);
      out.append('[');
      Iterator<Pending> it = pending.iterator();
      for (int n = 0; n < max && it.hasNext(); n++) {
        Pending p = it.next();
        if (p.updateId() <= highestDelivered) {
          redelivered.increment();
        } else {
          handedOut.increment();
          recorder.recordFetch(p.addedNanos(), now);
        }
        highestDelivered = Math.max(highestDelivered, p.updateId());
        out.append(n == 0 ? "" : ",").append(p.json());
      }
      return out.append(']').toString();
    } finally {
      lock.unlock();
    }
  }

  /** Updates not yet confirmed. */
  int size() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  /** Updates handed out more than once (a poll failed, or the bot asked again from an offset). */
  long redelivered() {
    return redelivered.sum();
  }

  /** Updates each getUpdates that returned any returned, on average (redeliveries aside). */
  double meanBatch() {
    long polls = pollsWithUpdates.sum();
    return polls == 0 ? 0 : handedOut.sum() / (double) polls;
  }

  /** Releases a held poll; later polls return at once. */
  void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
