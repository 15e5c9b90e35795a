package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.Mailbox.NoWork;
import org.evenkeel.core.port.Mailbox.Work;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * {@code REDIS_URL} forms beyond a single server, against real processes started from the same
 * binary as the other tests: a master behind a Sentinel, and a one-node Redis Cluster. A cluster of
 * several nodes is not started here; one node still refuses a script whose keys span slots.
 */
class TopologiesIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  @Test
  void sentinelUrl_findsTheMaster_andTheStoreCommitsThere() throws Exception {
    try (RedisServerProcess master = RedisServerProcess.start(TestRedis.executable());
        RedisServerProcess sentinel =
            RedisServerProcess.start(
                TestRedis.executable(),
                List.of("sentinel monitor evenkeel 127.0.0.1 " + master.port() + " 1"),
                List.of("--sentinel"));
        UnifiedJedis redis =
            RedisConnections.fromUrl(
                "redis-sentinel://127.0.0.1:" + sentinel.port() + "/evenkeel/2")) {
      RedisStore store = new RedisStore(redis);

      assertThat(store.commit(turn("e1"))).isTrue();

      assertThat(store.load(alice).session().version()).isEqualTo(1);
      try (RedisClient direct =
          (RedisClient) RedisConnections.fromUrl("redis://127.0.0.1:" + master.port() + "/2")) {
        assertThat(direct.exists("ek:{p37}:m:test:alice:profile")).as("written to db 2").isTrue();
      }
    }
  }

  @Test
  void clusterUrl_claimsEventsAndTakesRateLimits() throws Exception {
    try (OneNodeCluster node = OneNodeCluster.start();
        UnifiedJedis cluster = node.client()) {
      assertThat(cluster).isInstanceOf(RedisClusterClient.class);
      RedisEventClaims claims = new RedisEventClaims(cluster);

      assertThat(claims.claim("telegram:1", Duration.ofMinutes(1))).isTrue();
      assertThat(claims.claim("telegram:1", Duration.ofMinutes(1))).isFalse();
      // Two buckets in one script: CROSSSLOT unless they share a hash tag.
      RedisRateLimits limits = new RedisRateLimits(cluster);
      List<Bucket> group =
          List.of(
              new Bucket("telegram:global", Rate.perSecond(30)),
              new Bucket("telegram:chat:-100", Rate.perMinute(20).withCapacity(1)));
      assertThat(limits.takeAll(group, 1).granted()).isTrue();
      assertThat(limits.takeAll(group, 1).granted()).isFalse();
    }
  }

  @Test
  void oneNodeCluster_refusesAScriptWhoseKeysAreInTwoSlots_andRunsOneWithinAPartition()
      throws Exception {
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    String script = "return redis.call('EXISTS', KEYS[1], KEYS[2])";
    try (OneNodeCluster node = OneNodeCluster.start()) {
      // Sent to the node as is: the cluster client would refuse such keys before sending.
      assertThatThrownBy(
              () -> node.direct().eval(script, List.of(keys.due(1), keys.due(2)), List.of()))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("CROSSSLOT");

      assertThat(
              node.direct()
                  .eval(
                      script,
                      List.of(keys.due(alice.member()), keys.profile(alice.member())),
                      List.of()))
          .isEqualTo(0L);
    }
  }

  @Test
  void clusterUrl_runsTheStoreAndTheMailbox_overMembersInSeveralPartitions() throws Exception {
    RedisKeys keys = RedisKeys.withDefaultPrefix();
    ConversationAddress bob = ConversationAddress.direct("test", "bob");
    assertThat(keys.partition(bob.member())).isNotEqualTo(keys.partition(alice.member()));
    Duration lease = Duration.ofSeconds(30);
    try (OneNodeCluster node = OneNodeCluster.start();
        UnifiedJedis cluster = node.client()) {
      RedisStore store = new RedisStore(cluster);
      RedisMailbox mailbox = new RedisMailbox(cluster);

      // A turn: append (claim, mailbox, lease, snapshot), commit with a timer, next.
      Work work = (Work) mailbox.append(new TextMessage("a1", alice, "hello"), lease);
      assertThat(mailbox.append(new TextMessage("a1", alice, "hello"), lease))
          .isEqualTo(NoWork.DUPLICATE);
      assertThat(store.commit(turn(alice, "a1", work.snapshot().session(), T0))).isTrue();
      assertThat(mailbox.next(work.lease(), "a1")).isEqualTo(NoWork.RELEASED);
      assertThat(store.load(alice).session().version()).isEqualTo(1);
      assertThat(store.commit(turn(bob, "b1", store.load(bob).session(), T0.plusSeconds(1))))
          .isTrue();

      // A conversation whose holder went away is found by the search of every partition.
      mailbox.append(new TextMessage("b2", bob, "anyone?"), lease);
      node.direct().del(keys.lease(bob));
      assertThat(mailbox.orphaned(10)).containsExactly(bob.key());
      Work rescued = mailbox.acquire(bob.key(), lease).orElseThrow();
      assertThat(rescued.event().id()).isEqualTo("b2");
      assertThat(mailbox.next(rescued.lease(), "b2")).isEqualTo(NoWork.RELEASED);

      // Timers of both partitions, earliest first; completed; each partition's queue pair.
      List<DueTimer> due = store.claimDue(T0.plusSeconds(60), 10, Duration.ofMinutes(1));
      assertThat(due)
          .containsExactly(
              new DueTimer(alice, "checkin", T0, false),
              new DueTimer(bob, "checkin", T0.plusSeconds(1), false));
      due.forEach(store::complete);
      assertThat(node.direct().exists(keys.dueClaimed(alice.member()))).isFalse();
      assertThat(store.claimDue(T0.plus(Duration.ofHours(1)), 10, Duration.ofMinutes(1))).isEmpty();
      assertThat(store.nextPacing(alice)).isEmpty();

      // Export, forget: nothing of alice left, bob untouched.
      assertThat(store.export(alice.member()).sessions()).hasSize(1);
      store.forget(alice.member());
      assertThat(store.export(alice.member()).profile()).isEmpty();
      assertThat(store.load(bob).session().version()).isEqualTo(1);
      assertThat(node.direct().exists(keys.profile(alice.member()))).isFalse();
    }
  }

  @Test
  void clusterUrl_anIdleSearchOfEveryPartition_costsOneRequestPerPartition() throws Exception {
    try (OneNodeCluster node = OneNodeCluster.start();
        UnifiedJedis cluster = node.client()) {
      RedisStore store = new RedisStore(cluster);
      RedisMailbox mailbox = new RedisMailbox(cluster);
      store.claimDue(T0, 10, Duration.ofMinutes(1)); // each script sent once in full
      mailbox.orphaned(10);

      long before = node.scriptCalls();
      assertThat(store.claimDue(T0, 10, Duration.ofMinutes(1))).isEmpty();
      assertThat(node.scriptCalls() - before).isEqualTo(RedisKeys.DEFAULT_PARTITIONS);
      before = node.scriptCalls();
      assertThat(mailbox.orphaned(10)).isEmpty();
      assertThat(node.scriptCalls() - before).isEqualTo(RedisKeys.DEFAULT_PARTITIONS);
    }
  }

  @Test
  void clusterUrl_carriesTurnsThroughTheDispatcher() throws Exception {
    ConversationAddress bob = ConversationAddress.direct("test", "bob");
    try (OneNodeCluster node = OneNodeCluster.start();
        UnifiedJedis cluster = node.client();
        BotInstances bots = new BotInstances()) {
      TurnDispatcher bot = bots.start(new RedisStore(cluster), new RedisMailbox(cluster));

      for (int n = 0; n < 3; n++) {
        bot.submit(BotInstances.command(alice, n)).join();
        bot.submit(BotInstances.command(bob, n)).join();
      }

      assertThat(bots.replies().get(alice.key()))
          .as("after the greeting")
          .endsWith("m0", "m1", "m2");
      assertThat(bots.replies().get(bob.key())).endsWith("m0", "m1", "m2");
    }
  }

  /**
   * A Redis Cluster of one node that owns every slot: enough to check that every script keeps its
   * keys in one slot, which Redis checks whatever the number of nodes.
   */
  private record OneNodeCluster(RedisServerProcess node, UnifiedJedis direct)
      implements AutoCloseable {

    static OneNodeCluster start() throws Exception {
      RedisServerProcess node =
          RedisServerProcess.start(
              TestRedis.executable(),
              List.of("cluster-enabled yes", "cluster-config-file nodes.conf"),
              List.of());
      UnifiedJedis direct = RedisConnections.fromUrl("redis://127.0.0.1:" + node.port());
      assignEverySlot(direct);
      return new OneNodeCluster(node, direct);
    }

    UnifiedJedis client() {
      return RedisConnections.fromUrl("redis-cluster://127.0.0.1:" + node.port());
    }

    /** How many EVALSHA and EVAL the node has run, from {@code INFO commandstats}. */
    long scriptCalls() {
      Matcher m = SCRIPT_CALLS.matcher(direct.info("commandstats"));
      long calls = 0;
      while (m.find()) {
        calls += Long.parseLong(m.group(1));
      }
      return calls;
    }

    @Override
    public void close() throws Exception {
      try (node) {
        direct.close();
      }
    }
  }

  private static final Pattern SCRIPT_CALLS = Pattern.compile("cmdstat_eval(?:sha)?:calls=(\\d+)");

  /** Makes the single node own all 16384 slots, and waits until the cluster says it is ok. */
  private static void assignEverySlot(UnifiedJedis node) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("ADDSLOTS"));
    for (int slot = 0; slot < 16384; slot++) {
      args.add(Integer.toString(slot));
    }
    node.sendCommand(Protocol.Command.CLUSTER, args.toArray(String[]::new));
    for (int i = 0; i < 200 && !clusterInfo(node).contains("cluster_state:ok"); i++) {
      Thread.sleep(50); // the node reports ok shortly after taking its slots
    }
  }

  private static String clusterInfo(UnifiedJedis node) {
    return SafeEncoder.encode((byte[]) node.sendCommand(Protocol.Command.CLUSTER, "INFO"));
  }

  private TurnCommit turn(String eventId) {
    return new TurnCommit(
        eventId, Session.fresh(alice), Profile.newMember(alice.member(), T0), List.of(), List.of());
  }

  private static TurnCommit turn(
      ConversationAddress address, String eventId, Session loaded, Instant checkin) {
    return new TurnCommit(
        eventId,
        loaded,
        Profile.newMember(address.member(), T0),
        List.of(JournalEntry.mood(T0, 4, "steady")),
        List.of(new StartTimer("checkin", checkin, false)));
  }
}
