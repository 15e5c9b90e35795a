package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** Platforms redeliver updates and timers may arrive late: each is acted on once, or not at all. */
class RedeliveryAndTimersTest {

  private final Conversation chat = Members.onboarded();

  @Test
  void textRedelivered_isAnsweredAndSavedOnce() {
    chat.say("/gratitude");
    TextMessage text = new TextMessage("tg-update-42", chat.address, "my morning walk");

    chat.send(text);
    chat.expect(chat.message("gratitude.thing2"));
    chat.send(text);

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().recentJournal()).hasSize(1);
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("thing2");
  }

  @Test
  void commandRedelivered_startsTheFlowOnce() {
    CommandInvoked ground = new CommandInvoked("dc-7", chat.address, "ground", "");

    chat.send(ground);
    chat.expect(chat.message("ground.see"));
    chat.send(ground);

    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void buttonRedelivered_advancesOnce() {
    chat.say("/ground");
    ButtonPressed done =
        new ButtonPressed("cb-1", chat.address, chat.latestChoices().get(0).payload());
    chat.send(done);
    chat.wait(Duration.ofSeconds(2));
    chat.expect(chat.message("ground.touch"));

    chat.send(done);

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("touch");
  }

  @Test
  void timerRedelivered_editsOnce() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    DueTimer due = chat.pendingTimers().get(0);
    chat.clock.set(due.dueAt());
    TimerFired fired = TimerFired.of(chat.address, due.name(), due.dueAt());

    chat.send(fired);
    assertThat(chat.replies(EditMessage.class)).hasSize(1);
    chat.send(fired);

    assertThat(chat.replies()).isEmpty();
  }

  @Test
  void timerOfAFlowThatEnded_doesNothing() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    DueTimer due = chat.pendingTimers().get(0);
    chat.say("/stop");
    chat.clock.set(due.dueAt());

    chat.send(TimerFired.of(chat.address, due.name(), due.dueAt()));

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void timerOfAnEarlierFlow_doesNotDisturbTheCurrentOne() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    DueTimer old = chat.pendingTimers().get(0);
    chat.say("/gratitude");
    var position = chat.state().session().flow();

    chat.send(TimerFired.of(chat.address, old.name(), old.dueAt()));

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().session().flow()).isEqualTo(position);
  }

  @Test
  void latePauseTimer_afterTheMemberMovedOn_doesNotSkipASense() {
    chat.say("/ground");
    chat.tap(chat.message("common.done"));
    DueTimer pause = chat.pendingTimers().get(0);
    chat.say("ready"); // moves on to "touch" before the pause is over

    chat.send(TimerFired.of(chat.address, pause.name(), pause.dueAt()));

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("touch");
  }

  @Test
  void timerFromBeforeSlower_isIgnored_andTheSlowerTimerCounts() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    DueTimer before = chat.pendingTimers().get(0);
    chat.tap(chat.message("common.slower"));

    chat.send(TimerFired.of(chat.address, before.name(), before.dueAt()));
    assertThat(chat.replies()).isEmpty();

    chat.wait(Duration.ofSeconds(6));
    assertThat(chat.replies(EditMessage.class))
        .singleElement()
        .satisfies(e -> assertThat(e.text().plainText()).contains("Hold… 6"));
  }

  @Test
  void forgedTimerName_doesNothing() {
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    var timers = chat.pendingTimers();

    chat.send(TimerFired.of(chat.address, "p999.1.0.100", chat.clock.instant()));

    assertThat(chat.replies()).isEmpty();
    assertThat(chat.pendingTimers()).isEqualTo(timers);
  }
}
