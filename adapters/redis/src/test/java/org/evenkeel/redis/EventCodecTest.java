package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.ConversationStarted;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.junit.jupiter.api.Test;

/** Every kind of inbound event comes back from its mailbox form equal, and that form is small. */
class EventCodecTest {

  private static final Instant DUE = Instant.parse("2026-03-02T09:00:00Z");
  private final ConversationAddress address =
      new ConversationAddress("telegram", "-100987", "1234567");

  @Test
  void everyKindOfEvent_comesBackEqual() {
    List<InboundEvent> events =
        List.of(
            new TextMessage("telegram:1", address, "ünïcode ✓, \"quotes\", \\ and\nnew lines"),
            new TextMessage("telegram:2", address, ""),
            new CommandInvoked("telegram:3", address, "checkin", "  later, please "),
            new CommandInvoked("telegram:4", address, "help", ""),
            new ButtonPressed("telegram:5", address, "p:7:{\"forged\":true}"),
            new ConversationStarted("telegram:6", address),
            TimerFired.of(address, "check:in again", DUE),
            TimerFired.of(address, "pace", Instant.parse("2026-03-02T09:00:00.123456789Z")),
            new UnsupportedMessage("telegram:9", address, "voice"),
            new ReachabilityChanged("telegram:10", address, false),
            new ReachabilityChanged("telegram:11", address, true));

    for (InboundEvent event : events) {
      assertThat(EventCodec.decode(address, EventCodec.encode(event))).isEqualTo(event);
    }
  }

  @Test
  void encoding_leavesOutTheAddress_andEmptyArguments() {
    assertThat(EventCodec.encode(new CommandInvoked("telegram:4", address, "help", "")))
        .isEqualTo("{\"t\":\"c\",\"i\":\"telegram:4\",\"n\":\"help\"}");
    assertThat(EventCodec.encode(new ConversationStarted("telegram:6", address)))
        .isEqualTo("{\"t\":\"s\",\"i\":\"telegram:6\"}");
    assertThat(EventCodec.encode(TimerFired.of(address, "pace", DUE)))
        .isEqualTo(
            "{\"t\":\"f\",\"i\":\"timer:telegram:-100987:1234567:pace:1772442000000\","
                + "\"n\":\"pace\",\"d\":1772442000000}");
  }

  @Test
  void storedEventOfAnUnknownKind_isAnError_namingTheKind() {
    assertThatThrownBy(() -> EventCodec.decode(address, "{\"t\":\"?\",\"i\":\"e\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'?'");
  }
}
