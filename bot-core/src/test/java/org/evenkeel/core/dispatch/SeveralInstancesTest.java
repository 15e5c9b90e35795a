package org.evenkeel.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.ForwardingMemberStore;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several dispatchers ("instances") sharing one store and one mailbox, as several bot processes
 * share one Redis: every event is handled exactly once and in order per conversation, whichever
 * instance receives it, and a crashed instance's conversations are taken over.
 */
class SeveralInstancesTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final Mailbox mailbox = new InMemoryMailbox(clock, store);
  private final Map<String, List<String>> replies = new ConcurrentHashMap<>();
  private final List<ExecutorService> pools = new ArrayList<>();

  @AfterEach
  void stop() {
    pools.forEach(ExecutorService::shutdownNow);
  }

  /** Records, per conversation, the command each reply names ("I don't know the command /m3"). */
  private final Outbound recording =
      (to, effects, lane) -> {
        for (Effect e : effects) {
          if (e instanceof SendMessage m) {
            String text = m.text().plainText();
            int slash = text.indexOf("/m");
            replies
                .computeIfAbsent(to.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(slash < 0 ? text : text.substring(slash + 1).split("\\W")[0]);
          }
        }
      };

  private TurnDispatcher instance(MemberStore members, Outbound out) {
    var content = TestContent.load();
    Engine engine =
        new Engine(
            new ContentSource(content),
            new PatternSafetyScreen(content.safety()),
            new ExampleIntentClassifier(
                content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            EngineSettings.DEFAULTS);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pools.add(pool);
    return new TurnDispatcher(engine, members, mailbox, out, clock, pool);
  }

  private static InboundEvent command(ConversationAddress to, int n) {
    return new CommandInvoked(to.key() + "#" + n, to, "m" + n, "");
  }

  @Test
  void eventsDeliveredToRandomInstances_withDuplicates_areHandledOnceAndInOrder() {
    List<TurnDispatcher> instances =
        List.of(instance(store, recording), instance(store, recording), instance(store, recording));
    Random random = new Random(42);
    int conversations = 200;
    int perConversation = 10;
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (int n = 0; n < perConversation; n++) {
      for (int c = 0; c < conversations; c++) {
        ConversationAddress to = ConversationAddress.direct("test", "member-" + c);
        InboundEvent event = command(to, n);
        work.add(instances.get(random.nextInt(3)).submit(event));
        if (random.nextInt(5) == 0) {
          work.add(instances.get(random.nextInt(3)).submit(event)); // a redelivery
        }
      }
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    instances.forEach(TurnDispatcher::close);

    List<String> expected = new ArrayList<>();
    for (int n = 0; n < perConversation; n++) {
      expected.add("m" + n);
    }
    assertThat(replies).hasSize(conversations);
    replies.forEach(
        (conversation, names) ->
            assertThat(names.stream().filter(s -> s.startsWith("m")).collect(Collectors.toList()))
                .as(conversation)
                .isEqualTo(expected));
    assertThat(mailbox.orphaned(10)).isEmpty();
  }

  @Test
  void instanceThatDiesBetweenCommitAndSend_owesTheReply_andTheSurvivorSendsItOnce() {
    ConversationAddress alice = ConversationAddress.direct("test", "alice");
    // The first instance dies right after its commit, before marking the replies as being sent.
    MemberStore dyingAfterCommit =
        new ForwardingMemberStore(store) {
          @Override
          public boolean markSending(ConversationAddress address, String eventId) {
            throw new OutOfMemoryError("simulated crash between commit and send");
          }
        };
    TurnDispatcher doomed = instance(dyingAfterCommit, recording);
    TurnDispatcher survivor = instance(store, recording);
    TimerPump survivorPump = new TimerPump(store, mailbox, survivor, clock, Duration.ofSeconds(30));

    doomed.submit(command(alice, 0)).join();
    assertThat(replies).doesNotContainKey(alice.key());

    clock.advance(Duration.ofSeconds(31));
    survivorPump.rescueOrphans().join();
    survivorPump.rescueOrphans().join();

    // The welcome and the answer to m0, each once.
    assertThat(replies.get(alice.key())).hasSize(2).endsWith("m0");
    assertThat(store.load(alice).session().version()).isEqualTo(1);
  }

  @Test
  void instanceThatDiesAfterCommit_leavesNothingLostAndNothingDoubled() {
    ConversationAddress alice = ConversationAddress.direct("test", "alice");
    // The first instance dies (an Error escapes the turn) right after committing its first turn,
    // before that event leaves the mailbox and before its reply is sent.
    Outbound dying =
        (to, effects, lane) -> {
          throw new OutOfMemoryError("simulated crash after commit");
        };
    TurnDispatcher doomed = instance(store, dying);
    TurnDispatcher survivor = instance(store, recording);
    TimerPump survivorPump = new TimerPump(store, mailbox, survivor, clock, Duration.ofSeconds(30));

    doomed.submit(command(alice, 0)).join();
    survivor.submit(command(alice, 1)).join(); // the lease is still held by the dead instance
    assertThat(replies).doesNotContainKey(alice.key());
    assertThat(store.load(alice).session().version()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(31)); // the dead instance's lease runs out
    survivorPump.rescueOrphans().join();

    // m0 was committed before the crash but its reply was already being sent when the instance
    // died: it may have reached the member, so it is not sent again, and m0 is not handled again.
    // m1 is handled once, after it.
    assertThat(replies.get(alice.key())).containsExactly("m1");
    assertThat(store.load(alice).session().version()).isEqualTo(2);
    assertThat(mailbox.orphaned(10)).isEmpty();
  }
}
