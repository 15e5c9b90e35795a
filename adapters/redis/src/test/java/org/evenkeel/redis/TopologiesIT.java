package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * {@code REDIS_URL} forms beyond a single server, against real processes started from the same
 * binary as the other tests: a master behind a Sentinel, and a one-node Redis Cluster.
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
        assertThat(direct.exists("ek:{m:test:alice}:profile")).as("written to db 2").isTrue();
      }
    }
  }

  @Test
  void clusterUrl_claimsEventsAndTakesRateLimits_butTheStoreAndTheMailboxRefuseCluster()
      throws Exception {
    try (RedisServerProcess node =
            RedisServerProcess.start(
                TestRedis.executable(),
                List.of("cluster-enabled yes", "cluster-config-file nodes.conf"),
                List.of());
        UnifiedJedis direct = RedisConnections.fromUrl("redis://127.0.0.1:" + node.port())) {
      assignEverySlot(direct);
      try (UnifiedJedis cluster =
          RedisConnections.fromUrl("redis-cluster://127.0.0.1:" + node.port())) {
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
        assertThatThrownBy(() -> new RedisStore(cluster))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Cluster");
        assertThatThrownBy(() -> new RedisMailbox(cluster))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Cluster");
      }
    }
  }

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
}
