package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** After /forget, nothing in the whole keyspace mentions the member (ARCHITECTURE.md, Privacy). */
@ExtendWith(RedisServerExtension.class)
class ForgetIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String SECRET = "alice's own words";

  private final TestRedis redis;
  private final RedisStore store;
  private final RedisEventClaims claims;
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  private final ConversationAddress aliceInGroup = new ConversationAddress("test", "g7", "alice");
  private final ConversationAddress bob = ConversationAddress.direct("test", "bob");

  ForgetIT(TestRedis redis) {
    this.redis = redis;
    this.store = new RedisStore(redis.client());
    this.claims = new RedisEventClaims(redis.client());
  }

  @Test
  void forget_leavesNothingThatMentionsTheMember_andEveryoneElsesDataAsItWas() {
    turn(alice, "checkin", T0.plusSeconds(3600));
    turn(aliceInGroup, "pace.1", T0);
    turn(bob, "checkin", T0);
    assertThat(store.claimDue(T0, 10, Duration.ofMinutes(1))).hasSize(2); // some timers claimed
    claims.claim(TimerFired.of(aliceInGroup, "pace.1", T0).id(), Duration.ofHours(24));
    RedisMessageRefs refs = new RedisMessageRefs(redis.client(), RedisKeys.withDefaultPrefix());
    refs.remember(aliceInGroup, "pace-1", "9001");
    refs.remember(bob, "pace-1", "601");
    Map<String, String> bobsKeys = contentsOfKeysMentioning("bob");
    MemberExport bobBefore = store.export(bob.member());

    store.forget(alice.member());

    for (String key : redis.allKeys()) {
      assertThat(key).doesNotContain("alice");
      assertThat(redis.contents(key)).as(key).doesNotContain("alice").doesNotContain(SECRET);
    }
    assertThat(contentsOfKeysMentioning("bob")).isEqualTo(bobsKeys);
    assertThat(store.export(bob.member())).isEqualTo(bobBefore);
    assertThat(refs.recall(bob, "pace-1")).contains("601");
    assertThat(redis.contents("ek:{p54}:due:claimed"))
        .as("bob's claimed timer is still in the queue")
        .contains("test:bob:bob:checkin");
    assertThat(store.claimDue(T0.plusSeconds(3600), 10, Duration.ofMinutes(1)))
        .containsExactly(new DueTimer(bob, "checkin", T0, false));
  }

  @Test
  void forgetThroughTheBot_leavesNothingOfTheMember_onceItsMailboxIsDrained() {
    try (BotInstances bots = new BotInstances()) {
      TurnDispatcher bot = bots.start(store, new RedisMailbox(redis.client()));
      bot.submit(new TextMessage("t1", alice, SECRET)).join();
      bot.submit(new CommandInvoked("t2", alice, "forget", "")).join();

      bot.submit(new ButtonPressed("t3", alice, deleteButton(bots))).join();

      assertThat(store.load(alice).knownMember()).isFalse();
      for (String key : redis.allKeys()) {
        assertThat(key).doesNotContain("alice");
        assertThat(redis.contents(key)).as(key).doesNotContain("alice").doesNotContain(SECRET);
      }
    }
  }

  @Test
  void eventQueuedBehindForget_isStillAnswered_asFromANewMember() {
    try (BotInstances bots = new BotInstances()) {
      RedisMailbox mailbox = new RedisMailbox(redis.client());
      TurnDispatcher bot = bots.start(store, mailbox);
      bot.submit(new TextMessage("t1", alice, SECRET)).join();
      bot.submit(new CommandInvoked("t2", alice, "forget", "")).join();
      // Both wait in the mailbox before either is handled: the instance that took the lease
      // with the first went away.
      mailbox.append(new ButtonPressed("t3", alice, deleteButton(bots)), Duration.ofSeconds(30));
      mailbox.append(BotInstances.command(alice, 1), Duration.ofSeconds(30));
      redis.client().del(RedisKeys.withDefaultPrefix().lease(alice));

      bot.rescue(alice.key()).join();

      assertThat(bots.replies().get(alice.key())).last().isEqualTo("m1");
      assertThat(store.load(alice).knownMember()).as("known again, from m1 on").isTrue();
      assertThat(redis.allKeys()).noneMatch(k -> k.contains(":mail:") || k.contains(":lease:"));
      assertThat(redis.allKeys()).noneMatch(k -> k.contains("journal"));
    }
  }

  /** The payload of the button that confirms /forget: the first one offered. */
  private String deleteButton(BotInstances bots) {
    List<SendMessage> asked =
        bots.messagesTo(alice).stream().filter(m -> !m.choices().isEmpty()).toList();
    return asked.get(asked.size() - 1).choices().get(0).payload();
  }

  private void turn(ConversationAddress address, String timer, Instant due) {
    String text = address.userId().equals("alice") ? SECRET : "bob's words";
    assertThat(
            store.commit(
                new TurnCommit(
                    address.key() + "-1",
                    store.load(address).session(),
                    Profile.newMember(address.member(), T0).withCountry("DE"),
                    List.of(JournalEntry.gratitude(T0, text)),
                    List.of(new StartTimer(timer, due, timer.startsWith("pace."))),
                    List.of(),
                    List.of(
                        new SaveCounter(
                            new MilestoneCounter(
                                MilestoneCounter.PRIVATE, "alcohol", T0, true, 0, 0))))))
        .isTrue();
    assertThat(store.load(address).session()).isNotEqualTo(Session.fresh(address));
  }

  private Map<String, String> contentsOfKeysMentioning(String name) {
    Map<String, String> contents = new TreeMap<>();
    for (String key : redis.allKeys()) {
      if (key.contains(name)) {
        contents.put(key, redis.contents(key));
      }
    }
    return contents;
  }
}
