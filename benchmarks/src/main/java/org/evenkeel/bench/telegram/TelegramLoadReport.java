package org.evenkeel.bench.telegram;

import java.io.PrintStream;
import org.evenkeel.bench.Latencies;
import org.evenkeel.bench.Stats;

/** Prints what a Telegram load run found. */
final class TelegramLoadReport {

  private TelegramLoadReport() {}

  static void print(
      TelegramLoad.Result result,
      TelegramLoadOptions options,
      long starved,
      UpdateFeed feed,
      LeanBotApi api,
      PrintStream out) {
    out.printf("%nMessages/s: %s%n", Stats.meanAndSpread(result.messagesPerSecond()));
    if (options.mode() == TelegramLoadOptions.Mode.OPEN) {
      out.printf(
          "  open loop: %,d due messages found no free member (starved), warm-up included%n",
          starved);
    }
    LatencyRecorder latencies = result.latencies();
    out.printf(
        "Latency, update available -> awaited reply received, less the flow's own pause (ms):%n");
    latency("every message", latencies.all(), out);
    latency("answered at once", latencies.immediate(), out);
    latency("after a pause, beyond it", latencies.paced(), out);
    latency("of which waiting to be fetched", latencies.fetch(), out);

    ReplyTally t = result.tally();
    out.printf(
        "%nUpdates sent: %,d (%,d button presses); replies expected %,d, received %,d, as expected"
            + " %,d%n",
        t.updates.sum(),
        t.buttonPresses.sum(),
        t.expectedReplies.sum(),
        t.replies.sum(),
        t.matched.sum());
    out.printf(
        "  missing %,d, duplicate %,d, out of order %,d, unexpected %,d; members gave up waiting"
            + " %,d times, and %,d replies came after that (late, not missing)%n",
        t.missing.sum(),
        t.duplicates.sum(),
        t.outOfOrder.sum(),
        t.unexpected.sum(),
        t.timedOut.sum(),
        t.late.sum());
    out.printf(
        "  button presses answered (answerCallbackQuery) %,d of %,d; answered twice %,d, stale"
            + " %,d%n",
        t.callbackAnswers.sum(),
        t.buttonPresses.sum(),
        t.callbackAnswerDuplicates.sum(),
        t.callbackAnswersStale.sum());
    out.printf(
        "  typing shown %,d times for %,d pauses; edits %,d%n",
        t.typing.sum(), t.typingExpected.sum(), t.edits.sum());
    t.examples().forEach(e -> out.printf("  e.g. %s%n", e));
    out.printf(
        "  verdict: %s%n",
        result.clean()
            ? "every update got exactly its replies, in order"
            : "NOT CLEAN"
                + (result.botSurvived() ? "" : " (the bot died)")
                + (result.fakeErrors().isEmpty()
                    ? ""
                    : " (the fake failed: " + result.fakeErrors().get(0) + ")"));

    out.printf("%nBot API calls: %s%n", result.calls());
    out.printf("  faults injected: %s%n", result.faults());
    out.printf(
        "  getUpdates handed out %.1f updates a time on average; %,d again; %,d never confirmed%n",
        feed.meanBatch(), feed.redelivered(), feed.size());
    if (!api.unknownMethods().isEmpty()) {
      out.printf("  unknown methods answered ok: %s%n", api.unknownMethods());
    }
  }

  private static void latency(String what, Latencies l, PrintStream out) {
    double[] p = l.percentilesMillis(0.5, 0.9, 0.99, 0.999, 1.0);
    out.printf(
        "  %-26s p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (%,d messages)%n",
        what, p[0], p[1], p[2], p[3], p[4], l.count());
  }
}
