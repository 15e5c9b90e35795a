package org.evenkeel.bench.telegram;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * One member in a private chat (user id = chat id) going through the {@link GroundingScript} round
 * after round: makes a move, waits for the replies the script expects, in order, then makes the
 * next. Checks every message the bot sends to the chat against what it expects: the next expected
 * text is a match; the same text again is a duplicate; a later expected text means the ones between
 * are missing (out of order); a text given up on earlier is late; anything else is unexpected.
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
  private List<String> abandoned = List.of();
  private String lastMatched = "";
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
      tally.example("no button " + (index + 1) + " to press", id, move, String.valueOf(buttons));
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
    if (!data.isEmpty()) {
      keyboardMessageId = messageId;
      buttons = data;
    }
    if (waiting && visibleText.equals(expected.peekFirst())) {
      return match(visibleText);
    }
    if (waiting && expected.contains(visibleText)) {
      while (!visibleText.equals(expected.peekFirst())) {
        tally.outOfOrder.increment();
        tally.example("missing before a later reply", id, move, expected.pollFirst());
      }
      return match(visibleText);
    }
    if (visibleText.equals(lastMatched)) {
      tally.duplicates.increment();
      tally.example("duplicate", id, move, visibleText);
    } else if (abandoned.contains(visibleText)) {
      tally.late.increment();
    } else {
      tally.unexpected.increment();
      tally.example("unexpected", id, move, visibleText);
    }
    return Optional.empty();
  }

  private Optional<Done> match(String text) {
    expected.pollFirst();
    tally.matched.increment();
    lastMatched = text;
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
   * pause): what is still expected counts as missing, and the next move starts the round again.
   * Returns whether it gave up.
   */
  synchronized boolean giveUpIfOverdue(long now, long timeoutNanos) {
    if (!waiting || now - availableNanos - pauseNanos < timeoutNanos) {
      return false;
    }
    tally.timedOut.increment();
    tally.missing.add(expected.size());
    tally.example("no reply in time, missing " + expected.size(), id, move, expected.peekFirst());
    abandoned = List.copyOf(expected);
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

  /** At the end: what the member still waits for counts as missing. */
  synchronized void countStillMissing() {
    if (waiting) {
      tally.missing.add(expected.size());
      tally.example("still missing at the end: " + expected.size(), id, move, expected.peekFirst());
    }
  }
}
