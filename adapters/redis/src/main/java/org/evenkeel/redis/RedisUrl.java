package org.evenkeel.redis;

import java.util.List;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;

/**
 * Where Redis is, as given in {@code REDIS_URL}:
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db]} — one server;
 *   <li>{@code rediss://…} — the same over TLS;
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]…]/masterName[/db]} — the
 *       master that these Sentinels name; the credentials are the master's;
 *   <li>{@code redis-cluster://[[user]:password@]host[:port][,host[:port]…]} — a Redis Cluster,
 *       found through any of these nodes (Cluster has database 0 only).
 * </ul>
 *
 * Ports default to 6379 (26379 for Sentinels). A password with reserved characters is
 * percent-encoded ({@code %40} for '@'). {@link #toString()} never shows the password.
 *
 * @param kind how Redis is deployed
 * @param tls whether connections use TLS
 * @param nodes the server, the Sentinels or the cluster's seed nodes
 * @param user the ACL user, if any
 * @param password the password, if any
 * @param database the database number
 * @param masterName the Sentinel master's name, for {@link Kind#SENTINEL} only
 */
public record RedisUrl(
    Kind kind,
    boolean tls,
    List<HostAndPort> nodes,
    Optional<String> user,
    Optional<String> password,
    int database,
    Optional<String> masterName) {

  /** How Redis is deployed. */
  public enum Kind {
    STANDALONE,
    SENTINEL,
    CLUSTER
  }

  public RedisUrl {
    nodes = List.copyOf(nodes);
  }

  /**
   * Parses a URL in one of the formats above.
   *
   * @throws IllegalArgumentException naming REDIS_URL and what is wrong, never the password
   */
  public static RedisUrl parse(String url) {
    return RedisUrlParser.parse(url);
  }

  /** The URL with the credentials hidden. */
  @Override
  public String toString() {
    String scheme =
        switch (kind) {
          case STANDALONE -> tls ? "rediss" : "redis";
          case SENTINEL -> "redis-sentinel";
          case CLUSTER -> "redis-cluster";
        };
    StringBuilder text = new StringBuilder(scheme).append("://");
    if (password.isPresent()) {
      text.append(user.orElse("")).append(":***@");
    }
    text.append(String.join(",", nodes.stream().map(HostAndPort::toString).toList()));
    masterName.ifPresent(name -> text.append('/').append(name));
    if (database != 0) {
      text.append('/').append(database);
    }
    return text.toString();
  }
}
