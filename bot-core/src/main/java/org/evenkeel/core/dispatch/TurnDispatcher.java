package org.evenkeel.core.dispatch;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.evenkeel.core.effect.AppendJournal;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.DeleteCounter;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.TurnResult;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.port.DispatchMetrics;
import org.evenkeel.core.port.ExportJson;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.Mailbox.NoWork;
import org.evenkeel.core.port.Mailbox.Work;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.StoreUnavailableException;
import org.evenkeel.core.port.TurnCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns: appends each event to its conversation's {@link Mailbox} (a redelivered one is
 * dropped there), drains the mailbox while holding the conversation's lease, so the events of one
 * conversation are handled one at a time and in order across every instance (different
 * conversations in parallel), commits each turn's result and hands the outbound effects to the
 * adapter. A turn that fails is logged without the member's words and answered with an apology; it
 * never stops the others.
 */
public final class TurnDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TurnDispatcher.class);

  /**
   * How long a conversation's lease lasts without progress. Every handled event extends it; a
   * crashed holder's conversation is taken over after this.
   */
  static final Duration LEASE_TTL = Duration.ofSeconds(30);

  /** Version conflicts tolerated before a turn gives up (another instance keeps winning). */
  static final int COMMIT_ATTEMPTS = 5;

  private final Engine engine;
  private final MemberStore store;
  private final Mailbox mailbox;
  private final Outbound outbound;
  private final Clock clock;
  private final Executor workers;
  private final Executor proactiveWorkers;
  private volatile DispatchMetrics metrics = DispatchMetrics.NONE;
  // Drains under way, for close() to wait on.
  private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  // Set while the store is unreachable, so an outage is logged once, not once per event.
  private final AtomicBoolean storeDown = new AtomicBoolean();

  public TurnDispatcher(
      Engine engine,
      MemberStore store,
      Mailbox mailbox,
      Outbound outbound,
      Clock clock,
      Executor workers) {
    this(engine, store, mailbox, outbound, clock, workers, workers);
  }

  /**
   * A dispatcher that runs conversations woken by a scheduled timer (the {@link Lane#PROACTIVE}
   * lane: check-ins, follow-ups) on {@code proactiveWorkers}. Their sends wait for the proactive
   * bucket, so a burst of check-ins due at once would otherwise hold every worker and keep members
   * who write meanwhile waiting; with threads of their own, replies never queue behind them.
   */
  public TurnDispatcher(
      Engine engine,
      MemberStore store,
      Mailbox mailbox,
      Outbound outbound,
      Clock clock,
      Executor workers,
      Executor proactiveWorkers) {
    this.proactiveWorkers = requireValue(proactiveWorkers, "proactiveWorkers");
    this.engine = requireValue(engine, "engine");
    this.store = requireValue(store, "store");
    this.mailbox = requireValue(mailbox, "mailbox");
    this.outbound = requireValue(outbound, "outbound");
    this.clock = requireValue(clock, "clock");
    this.workers = requireValue(workers, "workers");
  }

  /** Counts turns, crisis detections and sends in {@code counts} from now on. */
  public TurnDispatcher countIn(DispatchMetrics counts) {
    this.metrics = requireValue(counts, "counts");
    return this;
  }

  /**
   * Appends {@code event} to its conversation's mailbox and, if no instance holds the conversation,
   * drains it on a worker. A redelivered event (same id) is dropped here.
   *
   * @return completes when this instance has drained the conversation (at once when another holder
   *     will handle the event); never completes exceptionally
   * @throws IllegalStateException after {@link #close()}
   * @throws StoreUnavailableException when the event could not be stored: it was not received, and
   *     the caller must say so (a webhook answers 5xx so the platform sends it again)
   */
  public CompletableFuture<Void> submit(InboundEvent event) {
    if (closed.get()) {
      throw new IllegalStateException("dispatcher is closed");
    }
    Mailbox.Arrival arrival;
    try {
      arrival = mailbox.append(event, LEASE_TTL);
    } catch (StoreUnavailableException e) {
      storeLost(e);
      throw e;
    }
    if (arrival instanceof Work work) {
      return drain(
          () -> Optional.of(work), Lane.of(event) == Lane.PROACTIVE ? proactiveWorkers : workers);
    }
    if (arrival == NoWork.DUPLICATE) {
      log.debug("event {} already received; ignored", event.id());
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Drains a conversation whose lease holder went away (see {@link Mailbox#orphaned}).
   *
   * @return completes when done
   */
  public CompletableFuture<Void> rescue(String conversation) {
    if (closed.get()) {
      return CompletableFuture.completedFuture(null);
    }
    return drain(() -> mailbox.acquire(conversation, LEASE_TTL), workers);
  }

  /** Whether the store answered the last time it was used. */
  public boolean storeReachable() {
    return !storeDown.get();
  }

  /** Stops taking events and waits for every drain under way to finish. */
  @Override
  public void close() {
    closed.set(true);
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
  }

  /** Runs a drain on one of {@code executor}'s threads; {@link #close()} waits for it. */
  private CompletableFuture<Void> drain(Supplier<Optional<Work>> first, Executor executor) {
    CompletableFuture<Void> drain =
        CompletableFuture.runAsync(() -> drainGuarded(first), executor)
            .exceptionally(
                error -> {
                  if (error.getCause() instanceof RejectedExecutionException) {
                    // The lease runs out and the rescue of another instance (or this one's next
                    // start) handles the waiting events.
                    log.warn("drain rejected: the dispatcher is shutting down");
                  }
                  return null;
                });
    running.add(drain);
    drain.whenComplete((ok, error) -> running.remove(drain));
    return drain;
  }

  /**
   * Drains, unless the store is unreachable: then the events stay in the mailbox (or, if even the
   * mailbox is out of reach, with the platform, which redelivers) and the rescue tick retries once
   * the lease has run out.
   */
  private void drainGuarded(Supplier<Optional<Work>> first) {
    try {
      Optional<Work> work = first.get();
      if (work.isPresent() && drainNow(work.get())) {
        storeBack();
      }
    } catch (StoreUnavailableException e) {
      storeLost(e);
    }
  }

  private void storeLost(StoreUnavailableException e) {
    if (storeDown.compareAndSet(false, true)) {
      log.warn(
          "store unreachable ({}); events wait in their mailboxes and are retried",
          e.getClass().getSimpleName());
    }
  }

  private void storeBack() {
    if (storeDown.compareAndSet(true, false)) {
      log.info("store reachable again; waiting events are being handled");
    }
  }

  /**
   * Handles the conversation's events in order, under its lease, until none is waiting.
   *
   * @return whether this drain emptied the mailbox and let the lease go
   */
  private boolean drainNow(Work first) {
    Work work = first;
    while (true) {
      process(work);
      Mailbox.Next next = mailbox.next(work.lease(), work.event().id());
      if (next instanceof Work following) {
        work = following;
      } else if (next == NoWork.LEASE_LOST) {
        log.warn("lost the lease of a conversation mid-drain; its new holder goes on");
        return false;
      } else {
        return true;
      }
    }
  }

  private void process(Work work) {
    InboundEvent event = work.event();
    long started = System.nanoTime();
    try {
      DispatchMetrics.Outcome outcome = runTurn(event, work.snapshot());
      metrics.turn(kind(event), outcome, Duration.ofNanos(System.nanoTime() - started));
    } catch (StoreUnavailableException e) {
      throw e; // not the turn's fault: it stays in the mailbox and is tried again
    } catch (RuntimeException e) {
      log.error(
          "turn failed: event {} ({}) member {}",
          event.id(),
          event.getClass().getSimpleName(),
          Privacy.memberTag(event.address()),
          e);
      apologise(event.address());
      metrics.turn(
          kind(event),
          DispatchMetrics.Outcome.FAILED,
          Duration.ofNanos(System.nanoTime() - started));
    } catch (Error e) {
      log.error(
          "turn failed fatally: event {} member {}",
          event.id(),
          Privacy.memberTag(event.address()),
          e);
      throw e;
    }
  }

  /** The kind of an event, as counted: text, command, button, timer, … (never its content). */
  private static String kind(InboundEvent event) {
    String name = event.getClass().getSimpleName();
    return switch (name) {
      case "TextMessage" -> "text";
      case "CommandInvoked" -> "command";
      case "ButtonPressed" -> "button";
      case "TimerFired" -> "timer";
      case "ConversationStarted" -> "start";
      case "UnsupportedMessage" -> "unsupported";
      case "ReachabilityChanged" -> "reachability";
      default -> "other";
    };
  }

  private DispatchMetrics.Outcome runTurn(InboundEvent event, MemberSnapshot loaded) {
    ConversationAddress address = event.address();
    MemberSnapshot snapshot = loaded;
    for (int attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        snapshot = store.load(address);
      }
      if (snapshot.lastEventId().filter(event.id()::equals).isPresent()) {
        // Committed before a crash that came ahead of its removal from the mailbox. Its replies
        // are sent now if the crash came before they were marked as being sent; never twice.
        log.info("event {} was already committed; not handled again", event.id());
        sendOnce(address, event, snapshot.unsent());
        return DispatchMetrics.Outcome.ALREADY_DONE;
      }
      TurnResult result = engine.handle(snapshot, event, clock.instant());
      if (result.forgetsMember()) {
        store.forget(address.member());
        deliver(address, result.effects(), event);
        log.info("member {} forgotten at their request", Privacy.memberTag(address));
        return DispatchMetrics.Outcome.FORGOTTEN;
      }
      TurnCommit commit = commitOf(event, result, snapshot);
      if (store.commit(commit)) {
        result.crisis().ifPresent(metrics::crisisDetected);
        sendOnce(address, event, commit.outbound());
        return DispatchMetrics.Outcome.COMMITTED;
      }
      log.debug("version conflict on {} (attempt {}); retrying", event.id(), attempt);
    }
    throw new IllegalStateException("gave up after " + COMMIT_ATTEMPTS + " version conflicts");
  }

  private TurnCommit commitOf(InboundEvent event, TurnResult result, MemberSnapshot snapshot) {
    List<Effect> timers = new ArrayList<>();
    List<Effect> counters = new ArrayList<>();
    List<org.evenkeel.core.model.JournalEntry> journal = new ArrayList<>();
    for (Effect effect : result.effects()) {
      if (effect instanceof StartTimer || effect instanceof CancelTimer) {
        timers.add(effect);
      } else if (effect instanceof SaveCounter || effect instanceof DeleteCounter) {
        counters.add(effect);
      } else if (effect instanceof AppendJournal append) {
        journal.add(append.entry());
      }
    }
    var profile = result.profile();
    if (!snapshot.knownMember()) {
      profile = profile.withFirstSeen(clock.instant());
    }
    List<Effect> outbound = result.effects().stream().filter(Effect::outbound).toList();
    return new TurnCommit(
        event.id(),
        result.session(),
        profile,
        journal,
        timers,
        outbound,
        counters,
        Optional.of(snapshot.profileTag()));
  }

  /**
   * Marks a turn's committed replies as being sent, then sends them in the event's lane: at most
   * once, ever.
   */
  private void sendOnce(ConversationAddress address, InboundEvent event, List<Effect> effects) {
    if (!effects.isEmpty() && store.markSending(address, event.id())) {
      deliver(address, effects, event);
    }
  }

  /**
   * Sends a turn's effects in its event's lane. A member the platform says cannot be reached any
   * more is marked so by a {@link ReachabilityChanged} event queued behind this turn, exactly as
   * the platform's own notice would.
   */
  private void deliver(ConversationAddress address, List<Effect> effects, InboundEvent event) {
    List<Effect> out = new ArrayList<>();
    for (Effect effect : effects) {
      if (effect instanceof SendExport export) {
        byte[] json = ExportJson.render(store.export(address.member()), clock.instant());
        out.add(
            new SendFile("evenkeel-export.json", "application/json", json, export.caption(), true));
      } else if (effect.outbound()) {
        out.add(effect);
      }
    }
    if (out.isEmpty()) {
      return;
    }
    Lane lane = Lane.of(event);
    try {
      outbound.deliver(address, out, lane);
      metrics.sent(address.platform(), lane, "ok");
    } catch (MemberUnreachableException e) {
      metrics.sent(address.platform(), lane, "unreachable");
      log.info("member {} cannot be reached ({})", Privacy.memberTag(address), e.getMessage());
      if (!(event instanceof ReachabilityChanged)) {
        try {
          submit(new ReachabilityChanged("unreachable:" + event.id(), address, false));
        } catch (RuntimeException notQueued) {
          // Shutting down, or the store is gone: the platform's own notice still comes.
          log.warn(
              "could not mark member {} unreachable: {}",
              Privacy.memberTag(address),
              notQueued.getClass().getName());
        }
      }
    } catch (RuntimeException e) {
      metrics.sent(address.platform(), lane, "failed");
      // Only the exception's type: an adapter's message may quote what was being sent.
      log.warn(
          "delivery failed for member {}: {}", Privacy.memberTag(address), e.getClass().getName());
    }
  }

  private void apologise(ConversationAddress address) {
    try {
      outbound.deliver(address, engine.apology(store.load(address).profile().locale()));
    } catch (RuntimeException e) {
      log.warn(
          "could not apologise to member {}: {}",
          Privacy.memberTag(address),
          e.getClass().getName());
    }
  }
}
