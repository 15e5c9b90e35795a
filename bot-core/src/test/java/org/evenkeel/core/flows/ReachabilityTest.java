package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * A member who blocks the bot hears nothing more from it, and is welcome back when they unblock.
 */
class ReachabilityTest {

  private final Conversation chat = Members.onboarded();

  @Test
  void blocking_midExercise_endsItSilently_andMarksTheMemberInactive() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    assertThat(chat.pendingTimers()).as("a paced exercise waits on timers").isNotEmpty();

    chat.send(new ReachabilityChanged("r1", chat.address, false));

    assertThat(chat.replies()).as("nothing can reach a member who blocked the bot").isEmpty();
    assertThat(chat.state().profile().active()).isFalse();
    assertThat(chat.pendingTimers()).isEmpty();
    assertThat(chat.state().session().flow()).isEmpty();
    chat.wait(Duration.ofMinutes(10));
    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void unblocking_marksTheMemberActiveAgain_withoutAWord() {
    chat.send(new ReachabilityChanged("r1", chat.address, false));

    chat.send(new ReachabilityChanged("r2", chat.address, true));

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().profile().active()).isTrue();
    assertThat(chat.state().profile().country())
        .as("nothing else of the member changed")
        .isPresent();
  }

  @Test
  void aMemberMarkedUnreachable_whoWritesAgain_isActiveAgain() {
    chat.send(new ReachabilityChanged("r1", chat.address, false));

    chat.say("/help");

    assertThat(chat.state().profile().active()).isTrue();
    chat.expect(chat.message("help.text").substring(0, 20));
  }
}
