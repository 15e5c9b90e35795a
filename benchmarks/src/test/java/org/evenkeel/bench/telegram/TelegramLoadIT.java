package org.evenkeel.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Telegram load in small, so that `mvn verify` keeps it working: the real bot as a process of
 * its own (run from this test's class path), Redis, the fake Bot API refusing some calls, and 50
 * members going once through the grounding flow. Checks what the load checks, not its timing.
 */
class TelegramLoadIT {

  private static final int MEMBERS = 50;

  @Test
  void fiftyMembersThroughTheGroundingFlow_withRefusedCalls_getEveryReplyOnce_inOrder()
      throws Exception {
    TelegramLoadOptions options =
        TelegramLoadOptions.parse(
            "--members=" + MEMBERS,
            "--rounds=1",
            "--fault-429=2%",
            "--fault-5xx=1%",
            // 500s only where the bot recovers: a sendMessage refused with 500 is not sent again,
            // by design (it may have reached Telegram), so its reply is lost (docs/benchmarks.md).
            "--fault-5xx-methods=getUpdates,answerCallbackQuery,sendChatAction",
            "--reply-timeout=20");
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    BotProcess.Launch fromClassPath =
        new BotProcess.Launch.ClassPath(
            System.getProperty("java.class.path"), "org.evenkeel.app.Main");

    TelegramLoad.Result result =
        TelegramLoad.run(options, fromClassPath, new PrintStream(report, true, "UTF-8"));

    String printed = report.toString(StandardCharsets.UTF_8);
    ReplyTally tally = result.tally();
    int moves = MEMBERS * 7;
    assertThat(tally.updates.sum()).as(printed).isEqualTo(moves);
    assertThat(tally.missing.sum()).as(printed).isZero();
    assertThat(tally.duplicates.sum()).as(printed).isZero();
    assertThat(tally.outOfOrder.sum()).as(printed).isZero();
    assertThat(tally.unexpected.sum()).as(printed).isZero();
    assertThat(tally.matched.sum()).as(printed).isEqualTo(tally.expectedReplies.sum());
    assertThat(tally.replies.sum()).as(printed).isEqualTo(tally.expectedReplies.sum());
    assertThat(result.latencies().all().count()).as(printed).isEqualTo(moves);
    assertThat(result.botSurvived()).as(printed).isTrue();
    assertThat(result.fakeErrors()).as(printed).isEmpty();
    assertThat(result.clean()).as(printed).isTrue();
    assertThat(printed).contains("every update got exactly its replies, in order");
  }
}
