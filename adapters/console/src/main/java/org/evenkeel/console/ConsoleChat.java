package org.evenkeel.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.StoreUnavailableException;

/**
 * A chat with the bot in a terminal. Interactively, paced steps appear in real time while the
 * member types. From a script (stdin not a terminal) it reads one message per line, waits for the
 * bot to finish answering each (including any paced exercise), and returns at end of input.
 */
public final class ConsoleChat {

  /** The platform name console conversations carry. */
  public static final String PLATFORM = "console";

  private static final Duration POLL = Duration.ofMillis(20);

  /** Tries to hand a message over while the store is unreachable: about 15 seconds in all. */
  private static final int STORE_ATTEMPTS = 7;

  private final TurnDispatcher dispatcher;
  private final TimerPump pump;
  private final DueQueue queue;
  private final OffsetClock clock;
  private final ConsoleOutbound outbound;
  private final Options options;
  private final AtomicLong ids = new AtomicLong();
  // Event ids must stay unique across runs when the store outlives the process.
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * How the chat runs.
   *
   * @param user the member's name (their console user id)
   * @param fast run pacing timers at once instead of waiting
   * @param interactive a person is typing at a terminal (show a prompt, greet, no echo)
   */
  public record Options(String user, boolean fast, boolean interactive) {}

  public ConsoleChat(
      TurnDispatcher dispatcher,
      TimerPump pump,
      DueQueue queue,
      OffsetClock clock,
      ConsoleOutbound outbound,
      Options options) {
    this.dispatcher = dispatcher;
    this.pump = pump;
    this.queue = queue;
    this.clock = clock;
    this.outbound = outbound;
    this.options = options;
  }

  /** Chats until the input ends (or the member types /quit). */
  public void run(BufferedReader in, PrintStream out) throws IOException, InterruptedException {
    ConversationAddress address = ConversationAddress.direct(PLATFORM, options.user());
    if (!options.fast()) {
      pump.start(POLL);
    }
    try {
      if (options.interactive()) {
        out.println(
            "Evenkeel console, chatting as '"
                + options.user()
                + "'. Try /ground or /breathe, /start to set up, /help for everything;"
                + " /quit or Ctrl-D to leave.");
      }
      String line;
      while (prompt() && (line = in.readLine()) != null) {
        outbound.inputTaken();
        if (line.strip().equals("/quit") || line.strip().equals("/exit")) {
          break;
        }
        if (!options.interactive()) {
          out.println(ConsoleOutbound.PROMPT + ConsoleRenderer.strip(line));
        }
        InboundEvent event =
            ConsoleInput.map(nextId(address), address, line, outbound.latestChoices());
        submit(event, address, out);
      }
    } finally {
      pump.close();
    }
  }

  private boolean prompt() {
    if (options.interactive()) {
      outbound.showPrompt();
    }
    return true;
  }

  private void submit(InboundEvent event, ConversationAddress address, PrintStream out)
      throws InterruptedException {
    if (!deliverWithRetries(event, out)) {
      out.println(
          "evenkeel: your message could not be stored (the store is unreachable);"
              + " please send it again in a moment.");
      return;
    }
    if (!options.interactive()) {
      awaitPacing(address);
    } else if (options.fast()) {
      runPacingNow(address);
    }
  }

  /** Hands the event over, retrying with backoff while the store is unreachable. */
  private boolean deliverWithRetries(InboundEvent event, PrintStream out)
      throws InterruptedException {
    long backoff = 250;
    for (int attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
      try {
        dispatcher.submit(event).join();
        return true;
      } catch (StoreUnavailableException e) {
        if (attempt == 1) {
          out.println("evenkeel: the store is unreachable; trying again…");
        }
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 4000);
      }
    }
    return false;
  }

  /** A script waits until the exercise it started needs the member again. */
  private void awaitPacing(ConversationAddress address) throws InterruptedException {
    if (options.fast()) {
      runPacingNow(address);
      return;
    }
    while (queue.nextPacing(address).isPresent()) {
      Thread.sleep(POLL.toMillis());
    }
  }

  private void runPacingNow(ConversationAddress address) {
    Optional<Instant> next;
    while ((next = queue.nextPacing(address)).isPresent()) {
      clock.advanceTo(next.get());
      pump.pump().join();
    }
  }

  private String nextId(ConversationAddress address) {
    return "console:" + run + ":" + address.userId() + ":" + ids.incrementAndGet();
  }
}
