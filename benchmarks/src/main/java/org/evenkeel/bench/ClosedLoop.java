package org.evenkeel.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.event.InboundEvent;

/**
 * Drives a dispatcher the way members do: each member has one event in flight and writes again as
 * soon as the reply arrives, so the number of concurrent conversations stays fixed. A run stops
 * issuing at its deadline or turn budget, whichever comes first, and ends when the last reply is
 * in, so nothing of one run spills into the next.
 */
final class ClosedLoop {

  /** How long a run may take beyond its deadline to collect the replies still in flight. */
  private static final Duration GRACE = Duration.ofSeconds(60);

  private final TurnDispatcher dispatcher;
  private final RecordingOutbound outbound;
  private final List<SimulatedMember> members;
  private final Executor submitters;

  ClosedLoop(
      TurnDispatcher dispatcher,
      RecordingOutbound outbound,
      List<SimulatedMember> members,
      Executor submitters) {
    this.dispatcher = dispatcher;
    this.outbound = outbound;
    this.members = List.copyOf(members);
    this.submitters = submitters;
  }

  /** What one run did. */
  record Run(long turns, long rejected, Duration elapsed, Map<String, Long> events) {
    double turnsPerSecond() {
      return turns / (elapsed.toNanos() / 1e9);
    }
  }

  /**
   * Runs for {@code duration} or {@code maxTurns} turns, recording each turn's latency as the
   * member sees it: from sending (the event then waits for a submitter thread, as a webhook call
   * waits for a server thread) to the reply having been delivered.
   */
  Run run(Duration duration, long maxTurns, Latencies latencies) throws InterruptedException {
    Budget budget = new Budget(System.nanoTime() + duration.toNanos(), maxTurns, members.size());
    long start = System.nanoTime();
    for (SimulatedMember member : members) {
      long sent = System.nanoTime();
      submitters.execute(() -> step(member, budget, latencies, sent));
    }
    if (!budget.idle.await(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("turns still in flight " + GRACE + " after the deadline");
    }
    Duration elapsed = Duration.ofNanos(budget.lastReply.get() - start);
    Map<String, Long> events = new TreeMap<>();
    budget.events.forEach((kind, n) -> events.put(kind, n.sum()));
    return new Run(budget.completed.sum(), budget.rejected.sum(), elapsed, events);
  }

  private void step(SimulatedMember member, Budget budget, Latencies latencies, long sent) {
    if (System.nanoTime() >= budget.deadline || budget.issued.incrementAndGet() > budget.maxTurns) {
      budget.idle.countDown();
      return;
    }
    InboundEvent event = member.next(outbound.latest(member.address()));
    budget
        .events
        .computeIfAbsent(event.getClass().getSimpleName(), k -> new LongAdder())
        .increment();
    CompletableFuture<Void> reply;
    try {
      reply = dispatcher.submit(event);
    } catch (RuntimeException e) { // the store was unreachable: counted, and this member stops
      budget.rejected.increment();
      budget.idle.countDown();
      return;
    }
    reply.whenComplete(
        (ok, error) -> {
          long now = System.nanoTime();
          latencies.record(now - sent);
          budget.completed.increment();
          budget.lastReply.accumulateAndGet(now, Math::max);
          submitters.execute(() -> step(member, budget, latencies, now));
        });
  }

  /** One run's limits and tallies, shared by the members' steps. */
  private static final class Budget {
    final long deadline;
    final long maxTurns;
    final AtomicLong issued = new AtomicLong();
    final LongAdder completed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final AtomicLong lastReply = new AtomicLong(System.nanoTime());
    final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    final CountDownLatch idle;

    Budget(long deadline, long maxTurns, int members) {
      this.deadline = deadline;
      this.maxTurns = maxTurns;
      this.idle = new CountDownLatch(members);
    }
  }
}
