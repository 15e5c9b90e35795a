package org.evenkeel.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.StoreUnavailableException;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The store going away and coming back: nothing lost, nothing doubled, one log line. */
class StoreOutageTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryStore memory = new InMemoryStore();
  private final AtomicBoolean down = new AtomicBoolean();
  private final List<String> replies = Collections.synchronizedList(new ArrayList<>());
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(TurnDispatcher.class);
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  @BeforeEach
  void captureLogs() {
    logs.start();
    dispatcherLog.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    dispatcherLog.detachAppender(logs);
  }

  private final MemberStore flaky =
      new MemberStore() {
        private void check() {
          if (down.get()) {
            throw new StoreUnavailableException("connection refused", null);
          }
        }

        @Override
        public MemberSnapshot load(ConversationAddress address) {
          check();
          return memory.load(address);
        }

        @Override
        public boolean commit(TurnCommit commit) {
          check();
          return memory.commit(commit);
        }

        @Override
        public boolean markSending(ConversationAddress address, String eventId) {
          check();
          return memory.markSending(address, eventId);
        }

        @Override
        public MemberExport export(MemberId member) {
          check();
          return memory.export(member);
        }

        @Override
        public void forget(MemberId member) {
          check();
          memory.forget(member);
        }
      };

  private final Outbound recording =
      (to, effects, lane) ->
          effects.stream()
              .filter(e -> e instanceof SendMessage)
              .map(e -> ((SendMessage) e).text().plainText())
              .filter(t -> t.contains("/m"))
              .forEach(replies::add);

  private TurnDispatcher dispatcher(Mailbox mailbox) {
    var content = TestContent.load();
    Engine engine =
        new Engine(
            new ContentSource(content),
            new PatternSafetyScreen(content.safety()),
            new ExampleIntentClassifier(
                content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            EngineSettings.DEFAULTS);
    return new TurnDispatcher(engine, flaky, mailbox, recording, clock, Runnable::run);
  }

  private InboundEvent command(int n) {
    return new CommandInvoked("m" + n, alice, "m" + n, "");
  }

  @Test
  void eventsArrivingDuringAnOutage_waitInTheMailbox_andAreHandledOnceWhenTheStoreReturns() {
    InMemoryMailbox mailbox = new InMemoryMailbox(clock, flaky);
    TurnDispatcher dispatcher = dispatcher(mailbox);
    TimerPump pump = new TimerPump(memory, mailbox, dispatcher, clock, Duration.ofSeconds(30));

    dispatcher.submit(command(0)).join();
    down.set(true);
    // The mailbox kept the event but the member could not be read: the caller hears of the outage
    // (a webhook answers 5xx) and the platform's redelivery is then a duplicate.
    assertThatThrownBy(() -> dispatcher.submit(command(1)))
        .isInstanceOf(StoreUnavailableException.class);
    dispatcher.submit(command(2)).join(); // queued behind m1's lease
    assertThat(dispatcher.storeReachable()).isFalse();

    down.set(false);
    clock.advance(Duration.ofSeconds(31)); // the lease taken during the outage runs out
    pump.rescueOrphans().join();
    dispatcher.submit(command(1)).join(); // the redelivery

    assertThat(replies).hasSize(3);
    assertThat(replies.get(0)).contains("/m0");
    assertThat(replies.get(1)).contains("/m1");
    assertThat(replies.get(2)).contains("/m2");
    assertThat(dispatcher.storeReachable()).isTrue();
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .startsWith("store unreachable");
  }

  @Test
  void anEventThatCannotBeStored_isRefused_soThePlatformCanSendItAgain() {
    Mailbox unreachable =
        new Mailbox() {
          @Override
          public Arrival append(InboundEvent event, Duration ttl) {
            throw new StoreUnavailableException("connection refused", null);
          }

          @Override
          public Optional<Work> acquire(String conversation, Duration ttl) {
            throw new StoreUnavailableException("connection refused", null);
          }

          @Override
          public Next next(Lease lease, String eventId) {
            throw new StoreUnavailableException("connection refused", null);
          }

          @Override
          public List<String> orphaned(int max) {
            throw new StoreUnavailableException("connection refused", null);
          }
        };
    TurnDispatcher dispatcher = dispatcher(unreachable);

    assertThatThrownBy(() -> dispatcher.submit(command(0)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(replies).isEmpty();
    assertThat(dispatcher.storeReachable()).isFalse();
  }
}
