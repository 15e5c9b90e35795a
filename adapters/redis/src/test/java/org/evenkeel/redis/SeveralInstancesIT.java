package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.redis.BotInstances.command;
import static org.evenkeel.redis.BotInstances.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.core.testing.ForwardingMemberStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * Three bot instances sharing one Redis (ARCHITECTURE.md, Scaling out): every event is answered
 * exactly once and in order per conversation, whichever instance receives it; an instance that dies
 * leaves nothing lost and nothing doubled. Each instance is a dispatcher with an engine and a
 * thread pool of its own; they share the {@link RedisStore} and {@link RedisMailbox}, as processes
 * share the server. A dead instance's lease runs out in Redis; the tests make it run out now.
 */
@ExtendWith(RedisServerExtension.class)
class SeveralInstancesIT {

  private static final Duration VISIBILITY = Duration.ofSeconds(30);

  private final TestRedis server;
  private final UnifiedJedis redis;
  private final RedisStore store;
  private final RedisMailbox mailbox;
  private final BotInstances bots = new BotInstances();
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  SeveralInstancesIT(TestRedis server) {
    this.server = server;
    // Three instances of two threads each, and the test's own thread, share this client.
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(16);
    this.redis = RedisConnections.open(RedisUrl.parse(server.url()), pool);
    this.store = new RedisStore(redis);
    this.mailbox = new RedisMailbox(redis);
  }

  @AfterEach
  void stop() {
    bots.close();
    redis.close();
  }

  @Test
  void eventsDeliveredToRandomInstances_withDuplicates_areAnsweredOnceAndInOrder() {
    List<TurnDispatcher> instances =
        List.of(bots.start(store, mailbox), bots.start(store, mailbox), bots.start(store, mailbox));
    Random random = new Random(42);
    int conversations = 1000;
    int perConversation = 10;
    int duplicates = 0;
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (int n = 0; n < perConversation; n++) {
      for (int c = 0; c < conversations; c++) {
        InboundEvent event = command(ConversationAddress.direct("test", "member-" + c), n);
        work.add(instances.get(random.nextInt(3)).submit(event));
        if (random.nextInt(5) == 0) {
          work.add(instances.get(random.nextInt(3)).submit(event)); // a redelivery
          duplicates++;
        }
      }
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    bots.close();

    assertThat(duplicates).isGreaterThan(conversations * perConversation / 6);
    assertThat(bots.replies()).hasSize(conversations);
    bots.replies()
        .forEach(
            (conversation, replies) ->
                assertThat(replies.stream().filter(r -> r.startsWith("m")).toList())
                    .as(conversation)
                    .isEqualTo(commands(perConversation)));
    for (int c = 0; c < conversations; c += 97) {
      assertThat(store.load(ConversationAddress.direct("test", "member-" + c)).session().version())
          .as("one commit per event")
          .isEqualTo(perConversation);
    }
    assertThat(mailbox.orphaned(10)).isEmpty();
    assertThat(server.allKeys()).noneMatch(k -> k.contains(":mail:") || k.contains(":lease:"));
    assertThat(server.allKeys())
        .as("no partition has mail waiting")
        .noneMatch(k -> k.endsWith(":mail"));
  }

  @Test
  void instanceThatDiesBetweenAppendAndCommit_isRescued_andTheEventHandledOnce() {
    MemberStore dyingBeforeCommit =
        new ForwardingMemberStore(store) {
          @Override
          public boolean commit(TurnCommit commit) {
            throw new OutOfMemoryError("simulated crash between claim and commit");
          }
        };
    TurnDispatcher doomed = bots.start(dyingBeforeCommit, mailbox);
    TurnDispatcher survivor = bots.start(store, mailbox);
    TimerPump survivorPump = new TimerPump(store, mailbox, survivor, bots.clock, VISIBILITY);

    doomed.submit(command(alice, 0)).join();
    assertThat(bots.replies()).doesNotContainKey(alice.key());
    survivor.submit(command(alice, 0)).join(); // a redelivery, refused
    assertThat(redis.llen(RedisKeys.withDefaultPrefix().mail(alice))).isEqualTo(1);
    assertThat(mailbox.orphaned(10)).as("the dead instance's lease still holds").isEmpty();

    leaseRunsOut(alice);
    survivorPump.rescueOrphans().join();
    survivorPump.rescueOrphans().join();

    // The welcome and the answer to m0, each once.
    assertThat(bots.replies().get(alice.key())).hasSize(2).endsWith("m0");
    assertThat(store.load(alice).session().version()).isEqualTo(1);
    assertThat(mailbox.orphaned(10)).isEmpty();
  }

  @Test
  void instanceThatDiesBetweenCommitAndSend_owesTheReply_andTheSurvivorSendsItOnce() {
    MemberStore dyingAfterCommit =
        new ForwardingMemberStore(store) {
          @Override
          public boolean markSending(ConversationAddress address, String eventId) {
            throw new OutOfMemoryError("simulated crash between commit and send");
          }
        };
    TurnDispatcher doomed = bots.start(dyingAfterCommit, mailbox);
    TurnDispatcher survivor = bots.start(store, mailbox);
    TimerPump survivorPump = new TimerPump(store, mailbox, survivor, bots.clock, VISIBILITY);

    doomed.submit(command(alice, 0)).join();
    assertThat(bots.replies()).doesNotContainKey(alice.key());
    assertThat(store.load(alice).unsent()).as("the committed replies wait").isNotEmpty();

    leaseRunsOut(alice);
    survivorPump.rescueOrphans().join();
    survivorPump.rescueOrphans().join();

    assertThat(bots.replies().get(alice.key())).hasSize(2).endsWith("m0");
    assertThat(store.load(alice).session().version()).isEqualTo(1);
    assertThat(store.load(alice).unsent()).isEmpty();
  }

  @Test
  void instanceThatDiesAfterMarkingTheReplyAsSending_leavesNothingLostAndNothingDoubled() {
    MemberStore dyingWhileSending =
        new ForwardingMemberStore(store) {
          @Override
          public boolean markSending(ConversationAddress address, String eventId) {
            super.markSending(address, eventId);
            throw new OutOfMemoryError("simulated crash while sending");
          }
        };
    TurnDispatcher doomed = bots.start(dyingWhileSending, mailbox);
    TurnDispatcher survivor = bots.start(store, mailbox);
    TimerPump survivorPump = new TimerPump(store, mailbox, survivor, bots.clock, VISIBILITY);

    doomed.submit(command(alice, 0)).join();
    survivor.submit(command(alice, 1)).join(); // the lease is still held by the dead instance
    assertThat(bots.replies()).doesNotContainKey(alice.key());
    assertThat(store.load(alice).session().version()).isEqualTo(1);

    leaseRunsOut(alice);
    survivorPump.rescueOrphans().join();

    // m0's replies may have reached the member when the instance died, so they are not sent
    // again, and m0 is not handled again; m1 is handled once, after it.
    assertThat(bots.replies().get(alice.key())).containsExactly("m1");
    assertThat(store.load(alice).session().version()).isEqualTo(2);
    assertThat(mailbox.orphaned(10)).isEmpty();
  }

  /** What Redis does once a dead holder's lease reaches its TTL: the key is gone. */
  private void leaseRunsOut(ConversationAddress conversation) {
    String lease = RedisKeys.withDefaultPrefix().lease(conversation);
    assertThat(redis.pexpireAt(lease, 1)).as("the dead instance still held " + lease).isEqualTo(1);
  }
}
