package org.evenkeel.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.port.Mailbox;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-conversation mailboxes and their leases in Redis, shared by every instance. Each operation is
 * one round trip (a Lua script), and the ones that hand out an event read the member's snapshot in
 * the same script (their keys share the member's hash tag); {@code docs/redis.md} lists the keys
 * and what each script guarantees.
 *
 * <p>An event's id is claimed in the script that appends the event, under a key in the member's
 * partition ({@link RedisKeys#eventClaim(MemberId, String)}), so a redelivery is refused and a
 * claimed event is never missing from the mailbox. Leases are keys with the holder's token and a
 * time to live kept by Redis: a crashed holder's lease runs out without anyone's clock.
 *
 * <p>Works on a standalone Redis (≥ 6.2), behind Sentinel and on Redis Cluster: a conversation's
 * keys, its claims and its partition's set of waiting conversations share the partition's hash tag,
 * so every script's keys are in one slot. {@link #orphaned} searches every partition: in one
 * request on standalone and Sentinel, in up to one request per partition on Cluster.
 *
 * <p>Thread-safe: it holds no state of its own, and Jedis clients pool their connections.
 */
public final class RedisMailbox implements Mailbox {

  private static final LuaScript APPEND = LuaScript.named("snapshot.lua", "mail_append.lua");
  private static final LuaScript ACQUIRE = LuaScript.named("snapshot.lua", "mail_acquire.lua");
  private static final LuaScript NEXT = LuaScript.named("snapshot.lua", "mail_next.lua");
  private static final LuaScript ORPHANED = LuaScript.named("mail_orphaned.lua");

  /**
   * How many waiting conversations one request of {@link #orphaned} looks at, at most (beyond
   * {@code max}): bounds the script's time, since Redis serves nobody else while it runs.
   */
  static final int ORPHAN_SEARCH_LIMIT = 1000;

  private static final String RECENT_JOURNAL =
      Integer.toString(MemberSnapshot.RECENT_JOURNAL_LIMIT);

  private final UnifiedJedis redis;
  private final RedisStoreSettings settings;
  private final RedisKeys keys;
  private final PartitionSweep sweep;

  /**
   * Mailboxes on {@code redis}, which the caller keeps open while they are used and closes after.
   * Event ids are remembered for {@link RedisStoreSettings#processedEventTtl()}.
   */
  public RedisMailbox(UnifiedJedis redis, RedisStoreSettings settings) {
    if (redis == null || settings == null) {
      throw new IllegalArgumentException("redis and settings must not be null");
    }
    this.redis = redis;
    this.settings = settings;
    this.keys = settings.keys();
    this.sweep = PartitionSweep.of(redis, keys);
  }

  /** Mailboxes with {@link RedisStoreSettings#defaults() the default settings}. */
  public RedisMailbox(UnifiedJedis redis) {
    this(redis, RedisStoreSettings.defaults());
  }

  @Override
  public Arrival append(InboundEvent event, Duration ttl) {
    ConversationAddress address = event.address();
    Lease lease = newLease(address.key(), ttl);
    MemberId member = address.member();
    List<?> reply =
        (List<?>)
            APPEND.run(
                redis,
                withSnapshotKeys(
                    address,
                    keys.eventClaim(member, event.id()),
                    keys.mail(address),
                    keys.mailWaiting(member),
                    keys.lease(address)),
                List.of(
                    Long.toString(settings.processedEventTtl().toMillis()),
                    EventCodec.encode(event),
                    address.key(),
                    lease.token(),
                    Long.toString(ttl.toMillis()),
                    RECENT_JOURNAL));
    long outcome = (Long) reply.get(0);
    if (outcome == 0) {
      return NoWork.DUPLICATE;
    }
    return outcome == 2 ? work(lease, address, reply) : NoWork.QUEUED;
  }

  @Override
  public Optional<Work> acquire(String conversation, Duration ttl) {
    Lease lease = newLease(conversation, ttl);
    ConversationAddress address = addressOf(conversation);
    List<?> reply =
        (List<?>)
            ACQUIRE.run(
                redis,
                withSnapshotKeys(address, keys.lease(address), keys.mail(address)),
                List.of(lease.token(), Long.toString(ttl.toMillis()), RECENT_JOURNAL));
    return (Long) reply.get(0) == 2 ? Optional.of(work(lease, address, reply)) : Optional.empty();
  }

  @Override
  public Next next(Lease lease, String eventId) {
    ConversationAddress address = addressOf(lease.conversation());
    MemberId member = address.member();
    List<?> reply =
        (List<?>)
            NEXT.run(
                redis,
                withSnapshotKeys(
                    address, keys.lease(address), keys.mail(address), keys.mailWaiting(member)),
                List.of(
                    lease.token(),
                    eventId,
                    Long.toString(requireTtl(lease.ttl()).toMillis()),
                    lease.conversation(),
                    RECENT_JOURNAL));
    long outcome = (Long) reply.get(0);
    if (outcome == 0) {
      return NoWork.LEASE_LOST;
    }
    return outcome == 2 ? work(lease, address, reply) : NoWork.RELEASED;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Searches the partitions in turn, starting one further on with every call, and stops once
   * {@code max} are found; what it found is sorted by last progress, oldest first. One request on
   * standalone and Sentinel; on Cluster one per partition searched, up to {@link
   * RedisKeys#partitions()} when nothing is orphaned. Each request looks at no more than {@code
   * max} + {@link #ORPHAN_SEARCH_LIMIT} waiting conversations.
   */
  @Override
  public List<String> orphaned(int max) {
    if (max < 1) {
      return List.of();
    }
    List<Orphan> found = new ArrayList<>();
    for (List<Integer> partitions : sweep.requests()) {
      List<String> waiting = new ArrayList<>();
      List<String> args = new ArrayList<>();
      args.add(Integer.toString(max - found.size()));
      args.add(Integer.toString(max + ORPHAN_SEARCH_LIMIT));
      for (int partition : partitions) {
        waiting.add(keys.mailWaiting(partition));
        args.add(keys.memberPrefix(partition));
      }
      List<?> reply = (List<?>) ORPHANED.run(redis, waiting, args);
      for (int i = 0; i < reply.size(); i += 2) {
        found.add(new Orphan((String) reply.get(i), Double.parseDouble((String) reply.get(i + 1))));
      }
      if (found.size() >= max) {
        break;
      }
    }
    found.sort(Comparator.comparingDouble(Orphan::progress));
    return found.stream().map(Orphan::conversation).toList();
  }

  /** A conversation found by the orphan search, and when it last made progress (epoch millis). */
  private record Orphan(String conversation, double progress) {}

  /**
   * The address a conversation key names. Platform, chat and user ids never contain {@code :}
   * ({@link ConversationAddress} checks), so the key splits back into exactly those three.
   */
  static ConversationAddress addressOf(String conversation) {
    String[] parts = conversation == null ? new String[0] : conversation.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "conversation key must be <platform>:<chatId>:<userId> but was '" + conversation + "'");
    }
    return new ConversationAddress(parts[0], parts[1], parts[2]);
  }

  /** A script's own keys, then the ones {@code snapshot.lua} reads (see {@code RedisKeys}). */
  private List<String> withSnapshotKeys(ConversationAddress address, String... own) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(keys.snapshot(address));
    return all;
  }

  private static Lease newLease(String conversation, Duration ttl) {
    return new Lease(conversation, UUID.randomUUID().toString(), requireTtl(ttl));
  }

  /** The work in a script's reply {@code {2, event JSON, snapshot}}. */
  private Work work(Lease lease, ConversationAddress address, List<?> reply) {
    return new Work(
        lease,
        EventCodec.decode(address, (String) reply.get(1)),
        Snapshots.decode(address, (List<?>) reply.get(2), settings.journal()));
  }

  private static Duration requireTtl(Duration ttl) {
    if (ttl == null || ttl.toMillis() < 1) {
      throw new IllegalArgumentException("lease ttl must be at least 1 ms but was " + ttl);
    }
    return ttl;
  }
}
