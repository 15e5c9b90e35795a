package org.evenkeel.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The order in which a search of every partition ({@code claimDue}, {@code orphaned}) visits them,
 * grouped into requests. A standalone or Sentinel Redis lets one script name keys of any slot, so
 * one request visits every partition; on Redis Cluster a script's keys must share one slot, so each
 * partition is a request of its own. The caller stops sending requests once it has found enough.
 *
 * <p>Each sweep starts one partition further on than the one before, so under a backlog no
 * partition is always searched last.
 */
final class PartitionSweep {

  private final int partitions;
  private final int perRequest;

  /**
   * Where the next sweep starts. Shared by the threads of one store or mailbox; it only spreads
   * where sweeps start, so two sweeps that start at the same partition after a race harm nothing.
   */
  private final AtomicInteger next = new AtomicInteger();

  PartitionSweep(int partitions, int perRequest) {
    if (partitions < 1 || perRequest < 1) {
      throw new IllegalArgumentException(
          "partitions and perRequest must be at least 1 but were "
              + partitions
              + " and "
              + perRequest);
    }
    this.partitions = partitions;
    this.perRequest = perRequest;
  }

  /**
   * A sweep over {@code keys}' partitions: all in one request, or one request per partition when
   * {@code redis} is a Cluster client ({@link RedisClusterClient}, or the older {@link
   * JedisCluster}; {@link RedisConnections} opens the former for {@code redis-cluster://}).
   */
  @SuppressWarnings("deprecation") // JedisCluster, recognised for callers who still build one
  static PartitionSweep of(UnifiedJedis redis, RedisKeys keys) {
    boolean cluster = redis instanceof RedisClusterClient || redis instanceof JedisCluster;
    return new PartitionSweep(keys.partitions(), cluster ? 1 : keys.partitions());
  }

  /** The partitions of the next sweep, every one once, in the order of the requests to send. */
  List<List<Integer>> requests() {
    int first = Math.floorMod(next.getAndIncrement(), partitions);
    List<List<Integer>> requests = new ArrayList<>();
    List<Integer> request = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      request.add((first + i) % partitions);
      if (request.size() == perRequest) {
        requests.add(List.copyOf(request));
        request = new ArrayList<>();
      }
    }
    if (!request.isEmpty()) {
      requests.add(List.copyOf(request));
    }
    return requests;
  }
}
