package org.evenkeel.redis;

import java.util.List;
import java.util.function.Supplier;
import org.evenkeel.core.port.StoreUnavailableException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Tells a Redis outage from a bug. A lost or refused connection, and the errors a healthy server
 * gives while it cannot serve for a moment, become {@link StoreUnavailableException}, which the
 * dispatcher answers by leaving the event where it is and retrying. Everything else (a script
 * error, a wrong type) propagates unchanged.
 */
final class RedisOutages {

  /**
   * Error prefixes of a server that will serve again soon: a replica after a failover ({@code
   * READONLY}), a restart replaying its data ({@code LOADING}), a replica cut off from its master
   * ({@code MASTERDOWN}), a cluster slot in migration ({@code TRYAGAIN}). Source: redis.io, "Redis
   * error replies" and the replication and persistence pages.
   */
  private static final List<String> TRANSIENT_ERRORS =
      List.of("READONLY", "LOADING", "MASTERDOWN", "TRYAGAIN");

  private RedisOutages() {}

  /** Runs {@code call}, turning an outage into {@link StoreUnavailableException}. */
  static <T> T guard(Supplier<T> call) {
    try {
      return call.get();
    } catch (JedisConnectionException | JedisBusyException e) {
      // The message names no host or credentials; the cause keeps Jedis's details for debugging.
      throw new StoreUnavailableException("Redis is unreachable", e);
    } catch (JedisDataException e) {
      String message = String.valueOf(e.getMessage());
      if (TRANSIENT_ERRORS.stream().anyMatch(message::startsWith)) {
        throw new StoreUnavailableException("Redis cannot serve for now", e);
      }
      throw e;
    }
  }
}
