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
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Members, sessions and the due-queue in Redis. Every operation is one Lua script, so it is atomic
 * and one round trip; {@code docs/redis.md} lists the keys and what each script guarantees.
 *
 * <p>Works on a standalone Redis (≥ 6.2) and behind Sentinel. Not on Redis Cluster: a commit
 * changes the member's keys and the global due-queue together, and a script cannot span slots.
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

  /**
   * A store on {@code redis}, which the caller keeps open while the store is used and closes after.
   *
   * @throws IllegalArgumentException for a Redis Cluster client (see the class comment)
   */
  public RedisStore(UnifiedJedis redis, RedisStoreSettings settings) {
    if (redis instanceof RedisClusterClient) {
      throw new IllegalArgumentException(
          "RedisStore needs a standalone or Sentinel Redis: a turn's commit updates the member's"
              + " keys and the global due-queue in one script, which Redis Cluster cannot run"
              + " across slots (see docs/redis.md, Cluster)");
    }
    this.redis = redis;
    this.settings = settings;
    this.keys = settings.keys();
  }

  /** A store with {@link RedisStoreSettings#defaults() the default settings}. */
  public RedisStore(UnifiedJedis redis) {
    this(redis, RedisStoreSettings.defaults());
  }

  @Override
  public MemberSnapshot load(ConversationAddress address) {
    MemberId member = address.member();
    List<?> reply =
        (List<?>)
            LOAD.run(
                redis,
                List.of(
                    keys.profile(member),
                    keys.session(address),
                    keys.journal(member),
                    keys.records(member)),
                List.of(Integer.toString(MemberSnapshot.RECENT_JOURNAL_LIMIT)));
    return Snapshots.decode(address, reply);
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
        Snapshots.journal(reply.get(1)),
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
            keys.due(),
            keys.dueClaimed()),
        List.of(keys.sessionPrefix(member), member.key()));
  }

  @Override
  public List<DueTimer> claimDue(Instant now, int max, Duration visibility) {
    if (max < 1) {
      return List.of();
    }
    List<?> entries =
        (List<?>)
            CLAIM_DUE.run(
                redis,
                List.of(keys.due(), keys.dueClaimed()),
                List.of(
                    Instants.encode(now),
                    Integer.toString(max),
                    Instants.encode(now.plus(visibility))));
    return entries.stream().map(e -> TimerCodec.fromEntry((String) e)).toList();
  }

  @Override
  public void complete(DueTimer timer) {
    MemberId member = timer.address().member();
    COMPLETE.run(
        redis,
        List.of(keys.records(member), keys.due(), keys.dueClaimed()),
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
