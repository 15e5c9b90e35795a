package org.evenkeel.core.dispatch;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.port.DispatchMetrics;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due timers into events: claims them from the {@link DueQueue}, submits each as a {@link
 * TimerFired} turn and completes it once the turn is done. A timer whose turn never finishes (a
 * crash) reappears after the visibility timeout and is handled then; the event's stable id keeps it
 * from being handled twice. Each tick also rescues conversations whose lease holder went away with
 * events still waiting in their mailbox.
 */
public final class TimerPump implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TimerPump.class);
  private static final int BATCH = 200;

  private final DueQueue queue;
  private final Mailbox mailbox;
  private final TurnDispatcher dispatcher;
  private final Clock clock;
  private final Duration visibility;
  private ScheduledExecutorService loop;
  private volatile DispatchMetrics metrics = DispatchMetrics.NONE;

  public TimerPump(
      DueQueue queue,
      Mailbox mailbox,
      TurnDispatcher dispatcher,
      Clock clock,
      Duration visibility) {
    this.queue = requireValue(queue, "queue");
    this.mailbox = requireValue(mailbox, "mailbox");
    this.dispatcher = requireValue(dispatcher, "dispatcher");
    this.clock = requireValue(clock, "clock");
    this.visibility = requireValue(visibility, "visibility");
  }

  /** Counts how late timers are claimed in {@code counts} from now on. */
  public TimerPump countIn(DispatchMetrics counts) {
    this.metrics = requireValue(counts, "counts");
    return this;
  }

  /** Polls the queue every {@code interval} on a thread of its own until closed. */
  public synchronized void start(Duration interval) {
    if (loop != null) {
      throw new IllegalStateException("timer pump already started");
    }
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "evenkeel-timers");
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(this::pumpSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Claims what is due now and submits it.
   *
   * @return completes when every submitted turn is done
   */
  public CompletableFuture<Void> pump() {
    Instant now = clock.instant();
    List<DueTimer> due = queue.claimDue(now, BATCH, visibility);
    CompletableFuture<?>[] turns = new CompletableFuture<?>[due.size()];
    for (int i = 0; i < due.size(); i++) {
      DueTimer timer = due.get(i);
      metrics.dueLag(Duration.between(timer.dueAt(), now));
      turns[i] =
          dispatcher
              .submit(TimerFired.of(timer.address(), timer.name(), timer.dueAt()))
              .thenRun(() -> queue.complete(timer));
    }
    return CompletableFuture.allOf(turns);
  }

  /**
   * Drains every conversation left with waiting events and no live lease.
   *
   * @return completes when those drains are done
   */
  public CompletableFuture<Void> rescueOrphans() {
    return CompletableFuture.allOf(
        mailbox.orphaned(BATCH).stream()
            .map(dispatcher::rescue)
            .toArray(CompletableFuture<?>[]::new));
  }

  private void pumpSafely() {
    try {
      pump();
      rescueOrphans();
    } catch (org.evenkeel.core.port.StoreUnavailableException e) {
      log.debug("timer pump: store unreachable; retrying on the next tick");
    } catch (RuntimeException e) {
      log.warn("timer pump failed; retrying on the next tick", e);
    }
  }

  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.shutdownNow();
      loop = null;
    }
  }
}
