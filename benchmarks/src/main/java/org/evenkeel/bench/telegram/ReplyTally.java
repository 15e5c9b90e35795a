package org.evenkeel.bench.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the members sent and what came back, over the whole run (warm-up included): counts, the
 * anomalies {@link TelegramMember} finds (missing, duplicate and unexpected once the run settled,
 * out of order as replies come), and the first few anomalies as examples for the report.
 */
final class ReplyTally {

  private static final int EXAMPLES_PER_KIND = 3;

  final LongAdder updates = new LongAdder();
  final LongAdder buttonPresses = new LongAdder();
  final LongAdder replies = new LongAdder();
  final LongAdder expectedReplies = new LongAdder();
  final LongAdder matched = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder outOfOrder = new LongAdder();
  final LongAdder unexpected = new LongAdder();
  final LongAdder late = new LongAdder();
  final LongAdder missing = new LongAdder();
  final LongAdder timedOut = new LongAdder();
  final LongAdder callbackAnswers = new LongAdder();
  final LongAdder callbackAnswerDuplicates = new LongAdder();
  final LongAdder callbackAnswersStale = new LongAdder();
  final LongAdder typing = new LongAdder();
  final LongAdder typingExpected = new LongAdder();
  final LongAdder edits = new LongAdder();

  private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> examplesByKind = new ConcurrentHashMap<>();

  /** Keeps an example of an anomaly, up to a few of each kind. */
  void example(String kind, String detail, long chatId, int move, String text) {
    if (examplesByKind.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement()
        < EXAMPLES_PER_KIND) {
      String shown = text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
      examples.add(
          kind + detail + ": chat " + chatId + ", move " + (move + 1) + ": \"" + shown + "\"");
    }
  }

  List<String> examples() {
    return new ArrayList<>(examples);
  }

  /** Replies lost, repeated, out of order or unexplained: none is the goal. */
  long anomalies() {
    return missing.sum() + duplicates.sum() + outOfOrder.sum() + unexpected.sum();
  }
}
