package org.evenkeel.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;
import redis.clients.jedis.UnifiedJedis;

/**
 * Members, sessions and the due-queue in Redis. Every operation is one Lua script, so it is atomic
 * and one round trip; {@code docs/redis.md} lists the keys and what each script guarantees.
 *
 * <p>Works on a standalone Redis (≥ 6.2), behind Sentinel and on Redis Cluster: every member
 * belongs to a partition ({@link RedisKeys#partition}) whose keys, due-queue included, share one
 * hash tag, so every script's keys are in one slot. {@link #claimDue} searches every partition: in
 * one request on standalone and Sentinel, in up to one request per partition on Cluster.
 *
 * <p>Thread-safe: it holds no state of its own, and Jedis clients pool their connections.
 */
public final class RedisStore implements MemberStore, DueQueue {

  private static final LuaScript LOAD = LuaScript.named("snapshot.lua", "load.lua");
  private static final LuaScript COMMIT = LuaScript.named("commit.lua");
  private static final LuaScript MARK_SENDING = LuaScript.named("mark_sending.lua");
  private static final LuaScript EXPORT = LuaScript.named("export.lua");
  private static final LuaScript FORGET = LuaScript.named("forget.lua");
  private static final LuaScript CLAIM_DUE = LuaScript.named("claim_due.lua");
  private static final LuaScript COMPLETE = LuaScript.named("complete.lua");

  private final UnifiedJedis redis;
  private final RedisStoreSettings settings;
  private final RedisKeys keys;
  private final PartitionSweep sweep;

  /**
   * A store on {@code redis}, which the caller keeps open while the store is used and closes after.
   */
  public RedisStore(UnifiedJedis redis, RedisStoreSettings settings) {
    if (redis == null || settings == null) {
      throw new IllegalArgumentException("redis and settings must not be null");
    }
    this.redis = redis;
    this.settings = settings;
    this.keys = settings.keys();
    this.sweep = PartitionSweep.of(redis, keys);
  }

  /** A store with {@link RedisStoreSettings#defaults() the default settings}. */
  public RedisStore(UnifiedJedis redis) {
    this(redis, RedisStoreSettings.defaults());
  }

  @Override
  public MemberSnapshot load(ConversationAddress address) {
    List<?> reply =
        (List<?>)
            LOAD.run(
                redis,
                keys.snapshot(address),
                List.of(Integer.toString(MemberSnapshot.RECENT_JOURNAL_LIMIT)));
    return Snapshots.decode(address, reply, settings.journal());
  }

  @Override
  public boolean commit(TurnCommit commit) {
    CommitArguments call = CommitArguments.of(commit, settings);
    long outcome = (Long) COMMIT.run(redis, call.keys(), call.args());
    if (outcome == -2) {
      throw new IllegalArgumentException("a new member's profile needs its firstSeen time");
    }
    // -1: this event's turn was already committed. Refused like a conflict; see docs/redis.md.
    return outcome > 0;
  }

  @Override
  public boolean markSending(ConversationAddress address, String eventId) {
    Object marked = MARK_SENDING.run(redis, List.of(keys.session(address)), List.of(eventId));
    return ((Long) marked) == 1L;
  }

  @Override
  public MemberExport export(MemberId member) {
    List<?> reply =
        (List<?>)
            EXPORT.run(
                redis,
                List.of(
                    keys.profile(member),
                    keys.journal(member),
                    keys.sessions(member),
                    keys.records(member)),
                List.of(keys.sessionPrefix(member)));
    List<Session> sessions = new ArrayList<>();
    List<?> stored = (List<?>) reply.get(2);
    for (int i = 0; i < stored.size(); i += 3) {
      ConversationAddress address =
          new ConversationAddress(member.platform(), (String) stored.get(i), member.userId());
      sessions.add(
          SessionCodec.decode(
              address, Long.parseLong((String) stored.get(i + 1)), (String) stored.get(i + 2)));
    }
    sessions.sort(Comparator.comparing(s -> s.address().chatId()));
    return new MemberExport(
        member,
        Snapshots.profile(member, reply.get(0)),
        Snapshots.journal(reply.get(1), settings.journal(), member),
        sessions,
        timers(member, (List<?>) reply.get(3)),
        CounterCodec.fromHash((List<?>) reply.get(3)));
  }

  @Override
  public void forget(MemberId member) {
    FORGET.run(
        redis,
        List.of(
            keys.profile(member),
            keys.journal(member),
            keys.sessions(member),
            keys.records(member),
            keys.processed(member),
            keys.due(member),
            keys.dueClaimed(member),
            keys.refs(member)),
        List.of(keys.sessionPrefix(member), member.key()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Searches the partitions in turn, starting one further on with every call, and stops once
   * {@code max} are claimed: within a partition the earliest go first, and the timers handed out
   * are sorted by due time, but under a backlog they are not the earliest {@code max} of all
   * partitions. One request on standalone and Sentinel; on Cluster one per partition searched, up
   * to {@link RedisKeys#partitions()} when few timers are due.
   */
  @Override
  public List<DueTimer> claimDue(Instant now, int max, Duration visibility) {
    if (max < 1) {
      return List.of();
    }
    String at = Instants.encode(now);
    String visibleAgain = Instants.encode(now.plus(visibility));
    List<DueTimer> claimed = new ArrayList<>();
    for (List<Integer> partitions : sweep.requests()) {
      List<String> queues = new ArrayList<>();
      for (int partition : partitions) {
        queues.add(keys.due(partition));
        queues.add(keys.dueClaimed(partition));
      }
      List<?> entries =
          (List<?>)
              CLAIM_DUE.run(
                  redis, queues, List.of(at, Integer.toString(max - claimed.size()), visibleAgain));
      entries.forEach(e -> claimed.add(TimerCodec.fromEntry((String) e)));
      if (claimed.size() >= max) {
        break;
      }
    }
    claimed.sort(Comparator.comparing(DueTimer::dueAt));
    return claimed;
  }

  @Override
  public void complete(DueTimer timer) {
    MemberId member = timer.address().member();
    COMPLETE.run(
        redis,
        List.of(keys.records(member), keys.due(member), keys.dueClaimed(member)),
        List.of(
            TimerCodec.field(timer.address(), timer.name()),
            TimerCodec.value(timer),
            TimerCodec.entry(timer)));
  }

  @Override
  public Optional<Instant> nextPacing(ConversationAddress address) {
    MemberId member = address.member();
    return RedisOutages.guard(() -> redis.hgetAll(keys.records(member))).entrySet().stream()
        .filter(e -> !CounterCodec.isCounterField(e.getKey()))
        .map(e -> TimerCodec.fromHash(member, e.getKey(), e.getValue()))
        .filter(t -> t.pacing() && t.address().equals(address))
        .map(DueTimer::dueAt)
        .min(Comparator.naturalOrder());
  }

  private static List<DueTimer> timers(MemberId member, List<?> fieldsAndValues) {
    List<DueTimer> timers = new ArrayList<>();
    for (int i = 0; i < fieldsAndValues.size(); i += 2) {
      if (CounterCodec.isCounterField((String) fieldsAndValues.get(i))) {
        continue;
      }
      timers.add(
          TimerCodec.fromHash(
              member, (String) fieldsAndValues.get(i), (String) fieldsAndValues.get(i + 1)));
    }
    timers.sort(
        Comparator.comparing((DueTimer t) -> t.address().chatId())
            .thenComparing(DueTimer::dueAt)
            .thenComparing(DueTimer::name));
    return timers;
  }
}
