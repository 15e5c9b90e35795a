package org.evenkeel.core.dispatch;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.RecordingOutbound;
import org.evenkeel.core.testing.RecordingOutbound.Delivery;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which lane each turn's messages take: replies and an exercise's pacing are interactive; what a
 * scheduled timer sends is proactive.
 */
class LanesTest {

  private static final ConversationAddress ALICE = ConversationAddress.direct("test", "alice");

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final RecordingOutbound outbound = new RecordingOutbound();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, SECONDS)).isTrue();
  }

  @Test
  void aScheduledTimer_isProactive_andAnExercisesPacingTimerIsNot() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");

    assertThat(Lane.of(TimerFired.of(ALICE, "t.follow_up", at))).isEqualTo(Lane.PROACTIVE);
    assertThat(Lane.of(TimerFired.of(ALICE, "checkin", at))).isEqualTo(Lane.PROACTIVE);
    assertThat(Lane.of(TimerFired.of(ALICE, "pace.3.1.0.100", at))).isEqualTo(Lane.INTERACTIVE);
    assertThat(Lane.of(new TextMessage("e1", ALICE, "hello"))).isEqualTo(Lane.INTERACTIVE);
    assertThat(Lane.of(new CommandInvoked("e2", ALICE, "help", ""))).isEqualTo(Lane.INTERACTIVE);
    assertThat(Lane.of(new ButtonPressed("e3", ALICE, "x"))).isEqualTo(Lane.INTERACTIVE);
  }

  @Test
  void whatANamedTimerSends_goesInTheProactiveLane_theReplyBeforeItInTheInteractiveOne(
      @TempDir Path dir) throws Exception {
    TurnDispatcher dispatcher = dispatcher(contentWithAFollowUp(dir));

    dispatcher.submit(new CommandInvoked("e1", ALICE, "nudge", "")).get(30, SECONDS);
    assertThat(outbound.drain())
        .extracting(Delivery::lane)
        .isNotEmpty()
        .containsOnly(Lane.INTERACTIVE);

    clock.advance(Duration.ofHours(2));
    List<DueTimer> due = store.claimDue(clock.instant(), 10, Duration.ofMinutes(1));
    assertThat(due).extracting(DueTimer::name).containsExactly("t.later");
    dispatcher.submit(TimerFired.of(ALICE, due.get(0).name(), due.get(0).dueAt())).get(30, SECONDS);

    List<Delivery> followUp = outbound.drain();
    assertThat(followUp).extracting(Delivery::effect).hasOnlyElementsOfType(SendMessage.class);
    assertThat(followUp).extracting(Delivery::lane).isNotEmpty().containsOnly(Lane.PROACTIVE);
  }

  @Test
  void theBreathingTimersEdits_stayInTheInteractiveLane() throws Exception {
    TurnDispatcher dispatcher = dispatcher(TestContent.load());
    dispatcher.submit(new CommandInvoked("e1", ALICE, "breathe", "")).get(30, SECONDS);
    dispatcher.submit(new TextMessage("e2", ALICE, "1")).get(30, SECONDS); // box breathing
    outbound.drain();

    clock.advance(Duration.ofSeconds(30));
    List<DueTimer> due = store.claimDue(clock.instant(), 10, Duration.ofMinutes(1));
    assertThat(due).hasSize(1);
    assertThat(due.get(0).pacing()).isTrue();
    dispatcher.submit(TimerFired.of(ALICE, due.get(0).name(), due.get(0).dueAt())).get(30, SECONDS);

    List<Delivery> pacing = outbound.drain();
    assertThat(pacing).extracting(Delivery::effect).hasAtLeastOneElementOfType(EditMessage.class);
    assertThat(pacing).extracting(Delivery::lane).containsOnly(Lane.INTERACTIVE);
  }

  @Test
  void aProactiveSendWaitingForItsBucket_doesNotHoldAnotherMembersReply(@TempDir Path dir)
      throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    ExecutorService proactive = Executors.newSingleThreadExecutor();
    java.util.concurrent.CountDownLatch bucket = new java.util.concurrent.CountDownLatch(1);
    org.evenkeel.core.port.Outbound waitingForTheBucket =
        (to, effects, lane) -> {
          if (lane == Lane.PROACTIVE) {
            try {
              bucket.await(); // a proactive bucket with nothing left, as in a burst of check-ins
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          outbound.deliver(to, effects, lane);
        };
    Content content = contentWithAFollowUp(dir);
    TurnDispatcher dispatcher =
        new TurnDispatcher(
            engine(content),
            store,
            new InMemoryMailbox(clock, store),
            waitingForTheBucket,
            clock,
            worker,
            proactive);
    try {
      dispatcher.submit(new CommandInvoked("e1", ALICE, "nudge", "")).get(30, SECONDS);
      clock.advance(Duration.ofHours(2));
      DueTimer due = store.claimDue(clock.instant(), 10, Duration.ofMinutes(1)).get(0);
      var nudge = dispatcher.submit(TimerFired.of(ALICE, due.name(), due.dueAt()));
      outbound.drain();

      ConversationAddress bob = ConversationAddress.direct("test", "bob");
      dispatcher.submit(new CommandInvoked("e2", bob, "help", "")).get(30, SECONDS);

      assertThat(outbound.drain()).extracting(Delivery::to).containsOnly(bob).isNotEmpty();
      assertThat(nudge).isNotDone();
      bucket.countDown();
      nudge.get(30, SECONDS);
      assertThat(outbound.drain()).extracting(Delivery::lane).containsOnly(Lane.PROACTIVE);
    } finally {
      bucket.countDown();
      worker.shutdownNow();
      proactive.shutdownNow();
    }
  }

  private static Engine engine(Content content) {
    return new Engine(
        new ContentSource(content),
        new PatternSafetyScreen(content.safety()),
        new ExampleIntentClassifier(content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
        EngineSettings.DEFAULTS);
  }

  private TurnDispatcher dispatcher(Content content) {
    return new TurnDispatcher(
        engine(content), store, new InMemoryMailbox(clock, store), outbound, clock, pool);
  }

  /** The real content plus a flow that sets a timer for an hour later and speaks when it fires. */
  private static Content contentWithAFollowUp(Path dir) throws IOException {
    Path source = TestContent.dir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    Files.writeString(
        dir.resolve("flows/nudge.yaml"),
        """
        id: nudge
        title: pause.title
        command: nudge
        start: arm
        steps:
          - id: arm
            type: timer
            action: set
            name: later
            after: 1h
            fire: remind
            next: hold
          - id: hold
            type: ask_text
            say: pause.after
            next: end
          - id: remind
            type: end
            say: pause.cancelled
        """);
    return ContentLoader.load(dir);
  }
}
