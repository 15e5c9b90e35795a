package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evenkeel.core.memory.RateLimitsContract;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.port.RateLimits.Take;
import org.evenkeel.core.port.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Redis rate limits against the contract the in-memory ones pass, plus what only Redis shows:
 * the bucket's key, field and time to live, one round trip per take, an outage. Redis decides on
 * its own clock, which no test can move: time passes by sleeping exactly the wait a take reported,
 * and the contract reads Redis's {@code TIME} to bound how much can have refilled.
 */
@ExtendWith(RedisServerExtension.class)
class RedisRateLimitsIT extends RateLimitsContract {

  private static final long SLACK_MILLIS = 5_000;
  private static final Rate BURST_OF_TEN_ONE_A_MINUTE = new Rate(10, 1, Duration.ofMinutes(1));

  private final TestRedis server;
  private final UnifiedJedis redis;
  private UnifiedJedis secondClient;

  RedisRateLimitsIT(TestRedis server) {
    this.server = server;
    this.redis = server.client();
  }

  @Override
  protected RateLimits newRateLimits() {
    return new RedisRateLimits(redis);
  }

  /** A second instance: its own client and connection pool, on the same server. */
  @Override
  protected RateLimits anotherInstance() {
    if (secondClient == null) {
      secondClient = server.newClient();
    }
    return new RedisRateLimits(secondClient);
  }

  @AfterEach
  void closeSecondClient() {
    if (secondClient != null) {
      secondClient.close();
    }
  }

  /** Sleeps at least {@code time}: Redis's clock is the machine's, which sleeping moves. */
  @Override
  protected void letTimePass(Duration time) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(time.toNanos());
  }

  @Override
  protected Instant storeTime() {
    return Instant.EPOCH.plus(Duration.ofNanos(redisMicros() * 1000));
  }

  @Test
  void take_keepsTheBucketInAOneFieldHash_untilItIsFullAgain_plusAMargin() {
    Bucket chat = new Bucket("telegram:chat:-100", BURST_OF_TEN_ONE_A_MINUTE);
    long interval = BURST_OF_TEN_ONE_A_MINUTE.intervalMicros();
    long before = redisMicros();

    assertThat(limits.take(chat, 3).granted()).isTrue();

    long after = redisMicros();
    String key = "ek:{rate}:telegram:chat:-100";
    assertThat(server.allKeys()).containsExactly(key);
    assertThat(redis.type(key)).isEqualTo("hash");
    Map<String, String> bucket = redis.hgetAll(key);
    assertThat(bucket).containsOnlyKeys("f");
    assertThat(Long.parseLong(bucket.get("f")))
        .as("full again three intervals from now, in microseconds of Redis's clock")
        .isBetween(before + 3 * interval, after + 3 * interval);
    long ttl = 3 * interval / 1000 + RedisRateLimits.EXPIRY_MARGIN.toMillis();
    assertThat(redis.pttl(key)).isBetween(ttl - SLACK_MILLIS, ttl);
    assertThat(redis.memoryUsage(key))
        .as("bytes; 96 measured on Redis 6.2")
        .isLessThanOrEqualTo(128);
  }

  @Test
  void everyGrantedTake_restartsTheTimeToLive_fromTheNewFullAgainTime() {
    Bucket chat = new Bucket("test:chat:1", BURST_OF_TEN_ONE_A_MINUTE);
    limits.take(chat, 1);
    redis.pexpire("ek:{rate}:test:chat:1", 2_000);

    limits.take(chat, 1);

    long ttl =
        2 * BURST_OF_TEN_ONE_A_MINUTE.intervalMicros() / 1000
            + RedisRateLimits.EXPIRY_MARGIN.toMillis();
    assertThat(redis.pttl("ek:{rate}:test:chat:1")).isBetween(ttl - SLACK_MILLIS, ttl);
  }

  @Test
  void refusedTake_writesNothing() {
    Bucket empty = new Bucket("test:global", new Rate(1, 1, Duration.ofHours(1)));
    Bucket used = new Bucket("test:chat:1", BURST_OF_TEN_ONE_A_MINUTE);
    Bucket fresh = new Bucket("test:chat:2", BURST_OF_TEN_ONE_A_MINUTE);
    limits.takeAll(List.of(empty, used), 1);
    String usedFullAgain = redis.hget("ek:{rate}:test:chat:1", "f");
    long usedTtl = redis.pttl("ek:{rate}:test:chat:1");

    assertThat(limits.takeAll(List.of(used, fresh, empty), 1).granted()).isFalse();

    assertThat(redis.hget("ek:{rate}:test:chat:1", "f")).isEqualTo(usedFullAgain);
    assertThat(redis.pttl("ek:{rate}:test:chat:1")).isLessThanOrEqualTo(usedTtl);
    assertThat(redis.exists("ek:{rate}:test:chat:2")).isFalse();
  }

  @Test
  void bucketWhoseKeyExpired_isFull() {
    Bucket chat = new Bucket("test:chat:1", new Rate(5, 1, Duration.ofHours(1)));
    limits.take(chat, 5);
    assertThat(limits.take(chat, 1).granted()).isFalse();

    assertThat(redis.pexpireAt("ek:{rate}:test:chat:1", 1)).isEqualTo(1);

    assertThat(limits.take(chat, 5).granted()).isTrue();
  }

  @Test
  void bucketFullAgainFurtherAheadThanItsFillTime_isSetBackToEmptyNow() {
    // What a failover to a host whose clock is a day behind leaves: "full again" a day too late.
    Rate rate = new Rate(3, 1, Duration.ofMinutes(1));
    Bucket chat = new Bucket("test:chat:1", rate);
    long dayAhead = redisMicros() + Duration.ofDays(1).toNanos() / 1000;
    redis.hset("ek:{rate}:test:chat:1", "f", Long.toString(dayAhead));

    Take refused = limits.take(chat, 1);

    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(rate.interval());
    long fullAgain = Long.parseLong(redis.hget("ek:{rate}:test:chat:1", "f"));
    assertThat(fullAgain).isLessThanOrEqualTo(redisMicros() + rate.fillTime().toNanos() / 1000);
    long ttl = rate.fillTime().toMillis() + RedisRateLimits.EXPIRY_MARGIN.toMillis();
    assertThat(redis.pttl("ek:{rate}:test:chat:1")).isBetween(ttl - SLACK_MILLIS, ttl);
  }

  @Test
  void buckets_liveUnderTheConfiguredPrefix() {
    RateLimits other = new RedisRateLimits(redis, new RedisKeys("bot2"));

    other.take(new Bucket("telegram:global", Rate.perSecond(30)), 1);

    assertThat(server.allKeys()).containsExactly("bot2:{rate}:telegram:global");
  }

  @Test
  void everyTake_ofOneBucketOrSeveral_grantedOrRefused_isOneRoundTrip() {
    Bucket global = new Bucket("telegram:global", Rate.perSecond(30));
    Bucket chat = new Bucket("telegram:chat:1", new Rate(3, 1, Duration.ofHours(1)));
    Bucket lane = new Bucket("proactive:telegram", Rate.perSecond(10));
    limits.take(global, 1); // the first run sends the script in full (NOSCRIPT, then EVAL)
    Take[] refused = new Take[1];

    assertThat(roundTrips(() -> limits.take(global, 1))).isOne();
    assertThat(roundTrips(() -> limits.takeAll(List.of(global, chat, lane), 1))).isOne();
    assertThat(roundTrips(() -> refused[0] = limits.takeAll(List.of(chat, lane), 3))).isOne();
    assertThat(refused[0].granted()).isFalse();
  }

  @Test
  void unreachableRedis_isAStoreOutage_notAnError() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (UnifiedJedis nowhere = RedisConnections.fromUrl("redis://127.0.0.1:" + port)) {
      RateLimits unreachable = new RedisRateLimits(nowhere);

      assertThatThrownBy(
              () -> unreachable.take(new Bucket("telegram:global", Rate.perSecond(30)), 1))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  private long roundTrips(Runnable operation) {
    long before = server.readsProcessed();
    operation.run();
    // The second INFO is itself one read.
    return server.readsProcessed() - before - 1;
  }

  /** Redis's clock, in microseconds since the epoch. */
  private long redisMicros() {
    List<?> time = (List<?>) redis.sendCommand(Protocol.Command.TIME);
    return Long.parseLong(SafeEncoder.encode((byte[]) time.get(0))) * 1_000_000
        + Long.parseLong(SafeEncoder.encode((byte[]) time.get(1)));
  }
}
