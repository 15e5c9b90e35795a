package org.evenkeel.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Mailbox;

/**
 * The timer pumps of several instances sharing one due-queue, run at the same time, each on a
 * thread of its own, as their schedulers would: every pump claims and submits again and again until
 * its claim comes back empty. Counts every timer the queue hands out, so a test can tell that the
 * claims really raced.
 */
public final class RacingPumps {

  private final List<TimerPump> pumps = new ArrayList<>();
  private final AtomicLong handedOut = new AtomicLong();
  private final ThreadLocal<Integer> lastClaim = ThreadLocal.withInitial(() -> 0);

  /**
   * Pumps of {@code dispatchers} on {@code queue}, claiming with {@code visibility}: with {@link
   * Duration#ZERO} a timer claimed but not yet done is handed out again at once, as if every claim
   * outlived its visibility timeout.
   */
  public RacingPumps(
      DueQueue queue,
      Mailbox mailbox,
      List<TurnDispatcher> dispatchers,
      Clock clock,
      Duration visibility) {
    DueQueue counting = new Counting(queue);
    for (TurnDispatcher dispatcher : dispatchers) {
      pumps.add(new TimerPump(counting, mailbox, dispatcher, clock, visibility));
    }
  }

  /** Runs every pump on a thread of its own until none finds anything due, and waits for them. */
  public void drain() {
    ExecutorService threads = Executors.newFixedThreadPool(pumps.size());
    try {
      List<CompletableFuture<Void>> racing = new ArrayList<>();
      for (TimerPump pump : pumps) {
        racing.add(CompletableFuture.runAsync(() -> pumpUntilEmpty(pump), threads));
      }
      CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new))
          .orTimeout(5, TimeUnit.MINUTES)
          .join();
    } finally {
      threads.shutdownNow();
    }
  }

  /** How many timers the queue has handed out, counting each claim of the same timer. */
  public long handedOut() {
    return handedOut.get();
  }

  private void pumpUntilEmpty(TimerPump pump) {
    do {
      pump.pump().join();
    } while (lastClaim.get() > 0);
  }

  /** The queue, counting what it hands out and remembering each thread's last claim. */
  private final class Counting implements DueQueue {
    private final DueQueue queue;

    Counting(DueQueue queue) {
      this.queue = queue;
    }

    @Override
    public List<DueTimer> claimDue(Instant now, int max, Duration visibility) {
      List<DueTimer> claimed = queue.claimDue(now, max, visibility);
      handedOut.addAndGet(claimed.size());
      lastClaim.set(claimed.size());
      return claimed;
    }

    @Override
    public void complete(DueTimer timer) {
      queue.complete(timer);
    }

    @Override
    public Optional<Instant> nextPacing(ConversationAddress address) {
      return queue.nextPacing(address);
    }
  }
}
