package org.evenkeel.bench.telegram;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Messages at a fixed rate, on a schedule that does not wait for replies: a thread sends, every
 * millisecond, as many messages as the schedule says are due by now, each from the member who has
 * been free longest. A due message with no free member is counted as starved (the run needs more
 * members) rather than sent late.
 */
final class OpenLoopDriver implements LoadDriver {

  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final UpdateFeed feed;
  private final int limit;
  private final double perNano;
  private final ConcurrentLinkedQueue<TelegramMember> free = new ConcurrentLinkedQueue<>();
  private final LongAdder starved = new LongAdder();
  private final Thread sender;
  private volatile boolean running;

  /** Sends {@code perSecond} messages a second; each member at most {@code limit} (0: no limit). */
  OpenLoopDriver(Members members, UpdateFeed feed, int perSecond, int limit) {
    this.feed = feed;
    this.limit = limit;
    this.perNano = perSecond / 1e9;
    free.addAll(members.all());
    this.sender = new Thread(this::send, "open-loop-sender");
    sender.setDaemon(true);
  }

  @Override
  public void start() {
    running = true;
    sender.start();
  }

  private void send() {
    long start = System.nanoTime();
    long sent = 0;
    while (running) {
      long due = (long) ((System.nanoTime() - start) * perNano);
      for (; sent < due && running; sent++) {
        TelegramMember member = free.poll();
        while (member != null && !LoadDriver.send(member, feed, limit)) {
          member = free.poll(); // that one is done: it is not queued again
        }
        if (member == null) {
          starved.increment();
        }
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
  }

  @Override
  public void ready(TelegramMember member) {
    free.add(member);
  }

  @Override
  public void stop() {
    running = false;
    try {
      sender.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public long starved() {
    return starved.sum();
  }
}
