package org.evenkeel.core.dispatch;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A platform saying the member cannot be reached (blocked the bot) marks them inactive. */
class UnreachableMemberTest {

  private static final Content CONTENT = TestContent.load();
  private static final ConversationAddress ALICE = ConversationAddress.direct("test", "alice");

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final AtomicInteger deliveries = new AtomicInteger();
  private volatile boolean blocked;

  private final Outbound platform =
      (ConversationAddress to, List<Effect> effects, Lane lane) -> {
        deliveries.incrementAndGet();
        if (blocked) {
          throw new MemberUnreachableException("test 403");
        }
      };

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, SECONDS)).isTrue();
  }

  @Test
  void aDeliveryRefusedAsUnreachable_marksTheMemberInactive_andEndsTheirExercise()
      throws Exception {
    TurnDispatcher dispatcher = dispatcher();
    dispatcher.submit(new CommandInvoked("e1", ALICE, "ground", "")).get(30, SECONDS);
    assertThat(store.load(ALICE).profile().active()).isTrue();
    assertThat(store.load(ALICE).session().flow()).isPresent();

    blocked = true;
    dispatcher.submit(new TextMessage("e2", ALICE, "a lamp, a window")).get(30, SECONDS);

    // The notice is queued behind e2 in the same conversation: the drain handles it before ending.
    assertThat(store.load(ALICE).profile().active()).isFalse();
    assertThat(store.load(ALICE).session().flow()).isEmpty();
    assertThat(store.load(ALICE).lastEventId()).contains("unreachable:e2");
    assertThat(deliveries).hasValue(2); // the silent end of the exercise sent nothing
  }

  private TurnDispatcher dispatcher() {
    Engine engine =
        new Engine(
            new ContentSource(CONTENT),
            new PatternSafetyScreen(CONTENT.safety()),
            new ExampleIntentClassifier(
                CONTENT.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            EngineSettings.DEFAULTS);
    return new TurnDispatcher(
        engine, store, new InMemoryMailbox(clock, store), platform, clock, pool);
  }
}
