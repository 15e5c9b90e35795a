package org.evenkeel.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.evenkeel.bench.RealContent;
import org.junit.jupiter.api.Test;

/** How a member tells the replies it waits for from lost, repeated and stray ones. */
class TelegramMemberTest {

  private static final GroundingScript SCRIPT =
      GroundingScript.of(RealContent.load(), "ground", "en");

  private final ReplyTally tally = new ReplyTally();
  private final TelegramMember member =
      new TelegramMember(7, SCRIPT, new UpdateJson(42, "bot"), tally);

  private List<String> firstReplies() {
    return List.of(
        SCRIPT.welcome(),
        SCRIPT.moves().get(0).replies().get(0),
        SCRIPT.moves().get(0).replies().get(1));
  }

  @Test
  void theFirstMove_isTheCommand_andWaitsForTheWelcomeAndTheFlowsFirstMessages() {
    String update = member.nextMove(1_700_000_000);

    assertThat(update).contains("\"text\":\"/ground\"", "\"type\":\"bot_command\"");
    assertThat(member.onMessage(2, firstReplies().get(0), List.of())).isEmpty();
    assertThat(member.onMessage(3, firstReplies().get(1), List.of())).isEmpty();
    assertThat(member.onMessage(4, firstReplies().get(2), List.of("s1.done"))).isPresent();
    assertThat(member.waiting()).isFalse();
    assertThat(tally.matched.sum()).isEqualTo(3);
    assertThat(tally.anomalies()).isZero();
  }

  @Test
  void theSameReplyAgain_isADuplicate_onceSettled() {
    member.nextMove(1_700_000_000);
    firstReplies().forEach(text -> member.onMessage(2, text, List.of()));

    member.onMessage(5, firstReplies().get(2), List.of());
    member.settle();

    assertThat(tally.duplicates.sum()).isEqualTo(1);
    assertThat(tally.missing.sum()).isZero();
  }

  @Test
  void aLaterReply_beforeAnEarlierOne_countsTheEarlierAsOutOfOrder() {
    member.nextMove(1_700_000_000);

    member.onMessage(2, firstReplies().get(0), List.of());
    member.onMessage(3, firstReplies().get(2), List.of());

    assertThat(tally.outOfOrder.sum()).isEqualTo(1);
    assertThat(member.waiting()).isFalse();
  }

  @Test
  void aReplyNobodyExpects_isUnexpected_andWhatDidNotComeIsMissing() {
    member.nextMove(1_700_000_000);

    member.onMessage(2, "something else entirely", List.of());
    member.settle();

    assertThat(member.waiting()).isTrue();
    assertThat(tally.unexpected.sum()).isEqualTo(1);
    assertThat(tally.missing.sum()).isEqualTo(3);
  }

  @Test
  void givingUp_startsTheRoundAgain_andALateReplyIsNotMissing() {
    member.nextMove(1_700_000_000);
    member.onMessage(2, firstReplies().get(0), List.of());

    assertThat(member.giveUpIfOverdue(System.nanoTime() + 60_000_000_000L, 1)).isTrue();
    member.onMessage(3, firstReplies().get(1), List.of());
    member.settle();

    assertThat(tally.late.sum()).isEqualTo(1);
    assertThat(tally.missing.sum()).as("the third never came").isEqualTo(1);
    assertThat(member.nextMove(1_700_000_001)).contains("\"text\":\"/ground\"");
  }

  @Test
  void theLastMove_pressesTheButtonThatEndsTheFlow_onTheMessageThatOfferedIt() {
    for (int move = 0; move < 6; move++) {
      member.nextMove(1_700_000_000);
      List<String> replies = move == 0 ? firstReplies() : SCRIPT.moves().get(move).replies();
      for (String text : replies) {
        member.onMessage(
            10 + move, text, List.of("s" + move + ".a", "s" + move + ".b", "s" + move + ".ok"));
      }
    }

    String press = member.nextMove(1_700_000_000);

    assertThat(press).contains("\"data\":\"s5.ok\"", "\"message_id\":15", "\"id\":\"7-1\"");
    member.onCallbackAnswer("7-1");
    member.onCallbackAnswer("7-1");
    assertThat(tally.callbackAnswers.sum()).isEqualTo(1);
    assertThat(tally.callbackAnswerDuplicates.sum()).isEqualTo(1);
  }
}
