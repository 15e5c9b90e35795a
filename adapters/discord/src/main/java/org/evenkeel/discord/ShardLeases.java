package org.evenkeel.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evenkeel.core.port.Leases;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure each Discord shard runs on exactly one instance: before connecting, the instance takes
 * a lease per owned shard ({@code discord:shard:<id>/<total>}, see {@link Leases}); it renews them
 * every {@link #RENEW_EVERY} and releases them when it stops. A shard already leased to another
 * instance is refused at start. A lease found lost on renewal (the store was unreachable for longer
 * than {@link #TTL}, and another instance took the shard) stops Discord on this instance, so two
 * instances never answer the same events; a store out of reach only postpones the renewal.
 */
public final class ShardLeases implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

  /** How long a lease lasts without renewal: a crashed instance's shards are free after this. */
  public static final Duration TTL = Duration.ofSeconds(60);

  static final Duration RENEW_EVERY = Duration.ofSeconds(20);

  private final Leases leases;
  private final String owner;
  private final List<String> names;
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "evenkeel-discord-leases");
            t.setDaemon(true);
            return t;
          });

  private ShardLeases(Leases leases, String owner, List<String> names) {
    this.leases = leases;
    this.owner = owner;
    this.names = List.copyOf(names);
  }

  /** The lease name of a shard. */
  static String name(int shard, int total) {
    return "discord:shard:" + shard + "/" + total;
  }

  /**
   * Takes the leases of {@code shards}, all or none.
   *
   * @throws ShardTakenException naming the first shard another instance holds
   * @throws StoreUnavailableException when the store cannot be reached
   */
  public static ShardLeases acquire(Leases leases, String owner, int total, List<Integer> shards) {
    List<String> taken = new ArrayList<>();
    for (int shard : shards) {
      String name = name(shard, total);
      if (!leases.acquire(name, owner, TTL)) {
        taken.forEach(n -> leases.release(n, owner));
        throw new ShardTakenException(shard, total);
      }
      taken.add(name);
    }
    return new ShardLeases(leases, owner, taken);
  }

  /** Renews the leases until closed; {@code onLost} runs (once) when one was lost. */
  public void keepRenewing(Runnable onLost) {
    long every = RENEW_EVERY.toMillis();
    renewals.scheduleWithFixedDelay(
        () -> {
          for (String name : names) {
            try {
              if (!leases.renew(name, owner, TTL)) {
                log.error(
                    "discord: the lease of {} was lost to another instance; stopping Discord here",
                    name);
                renewals.shutdown();
                onLost.run();
                return;
              }
            } catch (StoreUnavailableException e) {
              log.warn(
                  "discord: the lease of {} could not be renewed now (store out of reach)", name);
            }
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    renewals.shutdownNow();
    for (String name : names) {
      try {
        leases.release(name, owner);
      } catch (StoreUnavailableException e) {
        log.warn("discord: the lease of {} runs out by itself (store out of reach)", name);
      }
    }
  }

  /** Another instance runs this shard. */
  public static final class ShardTakenException extends RuntimeException {
    ShardTakenException(int shard, int total) {
      super(
          "shard "
              + shard
              + " of "
              + total
              + " is run by another instance; give each shard to exactly one instance (a"
              + " stopped instance's shards are free "
              + TTL.toSeconds()
              + " s after it stopped)");
    }
  }
}
