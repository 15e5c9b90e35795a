package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveInteractionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void storedForm_comesBackEqual() {
    LiveInteraction live = LiveInteraction.deferredReply("aW50ZXJhY3Rpb24.token", NOW, true);

    assertThat(LiveInteraction.decode(live.encode())).contains(live);
    assertThat(LiveInteraction.decode(live.replied().encode())).contains(live.replied());
  }

  @Test
  void anInteraction_isUsableForFifteenMinutes_lessAMargin() {
    LiveInteraction live = LiveInteraction.deferredUpdate("t", NOW, false);

    assertThat(live.usableAt(NOW.plusSeconds(14 * 60))).isTrue();
    assertThat(live.usableAt(NOW.plusSeconds(15 * 60 - 10))).isFalse();
  }

  @Test
  void aReply_isAwaitedOnlyAfterADeferredReply() {
    assertThat(LiveInteraction.deferredReply("t", NOW, false).awaitingReply()).isTrue();
    assertThat(LiveInteraction.deferredUpdate("t", NOW, false).awaitingReply()).isFalse();
    assertThat(LiveInteraction.deferredReply("t", NOW, false).replied().awaitingReply()).isFalse();
  }

  @Test
  void somethingElseStoredUnderTheRef_isNoInteraction() {
    assertThat(LiveInteraction.decode("c123:456")).isEmpty();
    assertThat(LiveInteraction.decode("x ew token")).isEmpty();
    assertThat(LiveInteraction.decode("1 e token")).isEmpty();
  }
}
