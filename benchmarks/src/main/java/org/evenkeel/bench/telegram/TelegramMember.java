package org.evenkeel.bench.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member in a private chat (user id = chat id) going through the {@link GroundingScript} round
 * after round: makes a move, waits for the replies the script expects, in order, then makes the
 * next; gives a move up when its replies are long overdue, and starts the round again.
 *
 * <p>Two checks. Exact, whatever happened: for every text, how often the member was owed it and how
 * often it came; at the end more owed than came is missing, more came than owed is a duplicate (or
 * unexpected, for a text never owed). In order, as replies come: the next expected text finishes a
 * step; a later expected one means those before it came out of order. After a give-up the same
 * texts are owed again by the next round, so a late reply may pass for the new round's: order is
 * only checked while no given-up reply is outstanding.
 *
 * <p>Called from the fake's server threads (the bot's calls for this chat) and the driver thread;
 * every method holds this member's monitor.
 */
final class TelegramMember {

  /** A finished move: when its update became available and how long the flow meant to pause. */
  record Done(long availableNanos, long pauseNanos) {}

  private static final List<String> ANSWERS =
      List.of(
          "a lamp, the window, my shoes, a mug, a plant",
          "my feet on the floor, the chair, my sleeves, the air",
          "a fan, a car outside, my own breath",
          "coffee and soap",
          "mint",
          "the clock, the fridge humming",
          "warm tea");

  private final long id;
  private final GroundingScript script;
  private final UpdateJson json;
  private final ReplyTally tally;

  private final ArrayDeque<String> expected = new ArrayDeque<>();
  private final List<String> abandoned = new ArrayList<>();
  // Per text: times owed less times received. Only the member's own monitor touches it.
  private final Map<String, Integer> balance = new HashMap<>(16);
  private int nextMessageId = 1;
  private int move = -1;
  private int movesMade;
  private boolean greeted;
  private boolean waiting;
  private long availableNanos;
  private long pauseNanos;
  private int keyboardMessageId;
  private List<String> buttons = List.of();
  private String openQuery = "";
  private boolean queryAnswered;
  private long queries;

  TelegramMember(long id, GroundingScript script, UpdateJson json, ReplyTally tally) {
    this.id = id;
    this.script = script;
    this.json = json;
    this.tally = tally;
  }

  long id() {
    return id;
  }

  /**
   * Makes the next move of the script (the first after the last, or after giving up): sets up what
   * to wait for and returns the update's field for the feed.
   */
  synchronized String nextMove(long epochSeconds) {
    if (waiting) {
      throw new IllegalStateException("member " + id + " is still waiting for move " + move);
    }
    move = (move + 1) % script.moves().size();
    GroundingScript.Move next = script.moves().get(move);
    String update = update(next.action(), epochSeconds);
    if (update == null) { // no button to press: start the round again
      move = 0;
      next = script.moves().get(0);
      update = update(next.action(), epochSeconds);
    }
    expected.clear();
    if (!greeted) {
      expected.add(script.welcome());
      greeted = true;
    }
    expected.addAll(next.replies());
    expected.forEach(text -> balance.merge(text, 1, Integer::sum));
    tally.expectedReplies.add(expected.size());
    if (next.typing()) {
      tally.typingExpected.increment();
    }
    pauseNanos = next.pause().toNanos();
    movesMade++;
    waiting = true;
    availableNanos = System.nanoTime();
    tally.updates.increment();
    return update;
  }

  private String update(GroundingScript.Action action, long epochSeconds) {
    if (action instanceof GroundingScript.Action.Command command) {
      return json.text(id, nextMessageId++, epochSeconds, "/" + command.name());
    }
    if (action instanceof GroundingScript.Action.Text) {
      String answer = ANSWERS.get((int) ((id + move) % ANSWERS.size()));
      return json.text(id, nextMessageId++, epochSeconds, answer);
    }
    int index = ((GroundingScript.Action.Tap) action).index();
    if (index >= buttons.size()) {
      tally.example(
          "no button to press", " (" + (index + 1) + ")", id, move, String.valueOf(buttons));
      return null;
    }
    openQuery = id + "-" + ++queries;
    queryAnswered = false;
    tally.buttonPresses.increment();
    return json.buttonPress(id, openQuery, keyboardMessageId, epochSeconds, buttons.get(index));
  }

  /** The message id Telegram gives the bot's next message in this chat. */
  synchronized int nextMessageId() {
    return nextMessageId++;
  }

  /**
   * A message the bot sent here, with the callback data of its buttons; returns the finished move
   * when this was the last reply the move waited for.
   */
  synchronized Optional<Done> onMessage(int messageId, String visibleText, List<String> data) {
    tally.replies.increment();
    balance.merge(visibleText, -1, Integer::sum);
    if (!data.isEmpty()) {
      keyboardMessageId = messageId;
      buttons = data;
    }
    if (waiting && visibleText.equals(expected.peekFirst())) {
      return match();
    }
    if (abandoned.remove(visibleText)) {
      tally.late.increment();
      return Optional.empty();
    }
    if (waiting && expected.contains(visibleText)) {
      while (!visibleText.equals(expected.peekFirst())) {
        String skipped = expected.pollFirst();
        if (abandoned.isEmpty()) {
          tally.outOfOrder.increment();
          tally.example("came after a later reply", "", id, move, skipped);
        }
      }
      return match();
    }
    tally.example("not expected now", "", id, move, visibleText);
    return Optional.empty();
  }

  private Optional<Done> match() {
    expected.pollFirst();
    tally.matched.increment();
    if (!expected.isEmpty()) {
      return Optional.empty();
    }
    waiting = false;
    return Optional.of(new Done(availableNanos, pauseNanos));
  }

  /** The bot answered a button press (answerCallbackQuery). */
  synchronized void onCallbackAnswer(String queryId) {
    if (!queryId.equals(openQuery)) {
      tally.callbackAnswersStale.increment();
    } else if (queryAnswered) {
      tally.callbackAnswerDuplicates.increment();
    } else {
      queryAnswered = true;
      tally.callbackAnswers.increment();
    }
  }

  /**
   * Gives up on a move whose replies are {@code timeoutNanos} overdue (beyond the flow's own
   * pause): the next move starts the round again. Returns whether it gave up.
   */
  synchronized boolean giveUpIfOverdue(long now, long timeoutNanos) {
    if (!waiting || now - availableNanos - pauseNanos < timeoutNanos) {
      return false;
    }
    tally.timedOut.increment();
    tally.example("gave up waiting", " for " + expected.size(), id, move, expected.peekFirst());
    abandoned.clear();
    abandoned.addAll(expected);
    expected.clear();
    waiting = false;
    move = -1;
    return true;
  }

  /** Messages this member sent. */
  synchronized int movesMade() {
    return movesMade;
  }

  /** Whether the member waits for a reply. */
  synchronized boolean waiting() {
    return waiting;
  }

  /**
   * At the end, once nothing more comes: adds to the tally the texts owed but not received
   * (missing) and received more often than owed (duplicate; unexpected if never owed).
   */
  synchronized void settle() {
    balance.forEach(
        (text, owed) -> {
          if (owed > 0) {
            tally.missing.add(owed);
            tally.example("missing", " " + owed + "x", id, move, text);
          } else if (owed < 0 && script.owes(text)) {
            tally.duplicates.add(-owed);
            tally.example("duplicate", " " + -owed + "x", id, move, text);
          } else if (owed < 0) {
            tally.unexpected.add(-owed);
            tally.example("unexpected", " " + -owed + "x", id, move, text);
          }
        });
  }
}
