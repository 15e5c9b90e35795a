package org.evenkeel.redis;

import java.util.LinkedHashSet;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/** Opens a pooled, thread-safe Jedis client for a {@code REDIS_URL}. */
public final class RedisConnections {

  private RedisConnections() {}

  /**
   * A client for the Redis that {@code url} names (formats in {@link RedisUrl}). The caller closes
   * it. Sentinel and Cluster clients contact their nodes here, to find the master or the slots.
   *
   * @throws IllegalArgumentException when the URL is malformed; the message names REDIS_URL and the
   *     problem, never the password
   */
  public static UnifiedJedis fromUrl(String url) {
    return open(RedisUrl.parse(url));
  }

  /** A client for {@code url} with Jedis's default connection pool; the caller closes it. */
  public static UnifiedJedis open(RedisUrl url) {
    return open(url, new ConnectionPoolConfig());
  }

  /**
   * A client for {@code url} whose pools (one per node for Cluster) follow {@code pool}; the caller
   * closes it.
   */
  public static UnifiedJedis open(RedisUrl url, ConnectionPoolConfig pool) {
    JedisClientConfig config = clientConfig(url);
    return switch (url.kind()) {
      case STANDALONE ->
          RedisClient.builder()
              .hostAndPort(url.nodes().get(0))
              .clientConfig(config)
              .poolConfig(pool)
              .build();
      case SENTINEL ->
          RedisSentinelClient.builder()
              .masterName(url.masterName().orElseThrow())
              .sentinels(new LinkedHashSet<>(url.nodes()))
              .clientConfig(config)
              .poolConfig(pool)
              .build();
      case CLUSTER ->
          RedisClusterClient.builder()
              .nodes(new LinkedHashSet<>(url.nodes()))
              .clientConfig(config)
              .poolConfig(pool)
              .build();
    };
  }

  private static JedisClientConfig clientConfig(RedisUrl url) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder().database(url.database());
    if (url.tls()) {
      // The JVM's trust store, with host name verification.
      config.sslOptions(SslOptions.defaults());
    }
    url.user().ifPresent(config::user);
    url.password().ifPresent(config::password);
    return config.build();
  }
}
