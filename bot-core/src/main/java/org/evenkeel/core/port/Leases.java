package org.evenkeel.core.port;

import java.time.Duration;

/**
 * Exclusive, expiring ownership of a named thing across instances — a Discord shard must be run by
 * exactly one instance. An owner acquires a lease, renews it well before it runs out, and releases
 * it when it stops; a crashed owner's lease runs out and another instance may take it.
 * Implementations are thread-safe; a shared store decides on one clock.
 */
public interface Leases {

  /**
   * Takes {@code name} for {@code owner} for {@code ttl} if nobody else holds it (renewing it when
   * {@code owner} already does).
   *
   * @return whether {@code owner} now holds it
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  boolean acquire(String name, String owner, Duration ttl);

  /**
   * Extends {@code owner}'s lease of {@code name} to {@code ttl} from now.
   *
   * @return false when {@code owner} no longer holds it (it ran out, or another took it)
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  boolean renew(String name, String owner, Duration ttl);

  /**
   * Gives up {@code owner}'s lease of {@code name}; nothing when another holds it.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void release(String name, String owner);
}
