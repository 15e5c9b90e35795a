package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis memory per idle member: a profile with a daily check-in scheduled, whose session and
 * processed-event ids have expired. The target is at most 600 bytes; docs/benchmarks.md
 * will hold the figure for 100,000 members.
 */
@ExtendWith(RedisServerExtension.class)
class MemoryPerMemberIT {

  /**
   * A private counter, as a member who set one with /milestone has: 90 days of runs behind them.
   */
  private static final MilestoneCounter SOBER_SINCE =
      new MilestoneCounter(
          MilestoneCounter.PRIVATE, "alcohol", Instant.parse("2026-01-15T07:00:00Z"), true, 62, 90);

  /**
   * Enough members that every partition's due-queue holds more than 128 entries, past which Redis
   * stores a sorted set as a skip list instead of its compact encoding ({@code
   * zset-max-ziplist-entries}): a deployment's queues are that large, and smaller ones would make
   * the figure look better than it is.
   */
  private static final int MEMBERS = 12_800; // 200 per partition on average

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Pattern USED = Pattern.compile("used_memory:(\\d+)");

  private final UnifiedJedis redis;
  private final RedisStore store;
  private final RedisKeys keys = RedisKeys.withDefaultPrefix();

  MemoryPerMemberIT(TestRedis server) {
    this.redis = server.client();
    this.store = new RedisStore(redis);
  }

  @Test
  void anIdleMemberWithADailyCheckin_takesAtMost600Bytes() {
    long before = usedMemory();
    for (int i = 0; i < MEMBERS; i++) {
      ConversationAddress address =
          ConversationAddress.direct("telegram", Integer.toString(700_000_000 + i));
      idleMemberAt(address);
    }
    long perMember = (usedMemory() - before) / MEMBERS;
    for (int partition = 0; partition < keys.partitions(); partition++) {
      assertThat(redis.objectEncoding(keys.due(partition))).isEqualTo("skiplist");
    }

    System.out.printf("Redis memory per idle member: %d bytes%n", perMember);
    assertThat(perMember).isLessThanOrEqualTo(600);
  }

  private void idleMemberAt(ConversationAddress address) {
    MemberId member = address.member();
    Profile profile =
        Profile.newMember(member, T0)
            .withLocale("en")
            .withCountry("GB")
            .withZone(ZoneId.of("Europe/London"))
            .withCheckinTime(Optional.of(LocalTime.of(9, 0)))
            .withConsent(true);
    store.commit(
        new TurnCommit(
            "telegram:" + address.userId(),
            Session.fresh(address),
            profile,
            List.of(),
            List.of(new StartTimer("checkin", T0.plus(Duration.ofDays(1)), false)),
            List.of(),
            List.of(new SaveCounter(SOBER_SINCE))));
    // What Redis would have expired by the time the member is idle.
    redis.del(keys.session(address), keys.sessions(member), keys.processed(member));
  }

  private long usedMemory() {
    Matcher m = USED.matcher(redis.info("memory"));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
