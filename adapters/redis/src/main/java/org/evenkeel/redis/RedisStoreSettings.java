package org.evenkeel.redis;

import java.time.Duration;

/**
 * How {@link RedisStore} names and keeps its keys.
 *
 * @param keys the key names (and so the prefix and the number of partitions)
 * @param sessionTtl how long an idle conversation's session is kept; every commit starts it anew
 * @param processedEventTtl how long a committed event id is remembered, so a redelivered event
 *     cannot commit twice; at least as long as the platform may redeliver
 * @param journal how journal entries are encrypted at rest ({@link JournalCipher#NONE}: not)
 */
public record RedisStoreSettings(
    RedisKeys keys, Duration sessionTtl, Duration processedEventTtl, JournalCipher journal) {

  /** Idle sessions expire after 30 days (ARCHITECTURE.md, State). */
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofDays(30);

  /**
   * Event ids are remembered for 48 hours: Telegram keeps an update for up to 24 hours (Bot API,
   * getUpdates), doubled for margin.
   */
  public static final Duration DEFAULT_PROCESSED_EVENT_TTL = Duration.ofHours(48);

  public RedisStoreSettings {
    if (keys == null) {
      throw new IllegalArgumentException("keys must not be null");
    }
    requirePositive(sessionTtl, "sessionTtl");
    requirePositive(processedEventTtl, "processedEventTtl");
    if (journal == null) {
      throw new IllegalArgumentException("journal must not be null");
    }
  }

  /** Settings without encryption at rest. */
  public RedisStoreSettings(RedisKeys keys, Duration sessionTtl, Duration processedEventTtl) {
    this(keys, sessionTtl, processedEventTtl, JournalCipher.NONE);
  }

  /** The same settings, encrypting journal entries with {@code value}. */
  public RedisStoreSettings withJournalCipher(JournalCipher value) {
    return new RedisStoreSettings(keys, sessionTtl, processedEventTtl, value);
  }

  /** The defaults, under the {@link RedisKeys#DEFAULT_PREFIX default prefix}. */
  public static RedisStoreSettings defaults() {
    return new RedisStoreSettings(
        RedisKeys.withDefaultPrefix(), DEFAULT_SESSION_TTL, DEFAULT_PROCESSED_EVENT_TTL);
  }

  public RedisStoreSettings withPrefix(String prefix) {
    return new RedisStoreSettings(
        new RedisKeys(prefix, keys.partitions()), sessionTtl, processedEventTtl, journal);
  }

  /**
   * How many partitions members are spread over, {@link RedisKeys#DEFAULT_PARTITIONS 64} unless
   * set. Fixed for a deployment: changing it moves every member's keys (docs/redis.md, Partitions).
   */
  public int partitions() {
    return keys.partitions();
  }

  /**
   * The same settings with members spread over {@code partitions} partitions.
   *
   * @throws IllegalArgumentException outside 1 to {@link RedisKeys#MAX_PARTITIONS}
   */
  public RedisStoreSettings withPartitions(int partitions) {
    return new RedisStoreSettings(
        new RedisKeys(keys.prefix(), partitions), sessionTtl, processedEventTtl, journal);
  }

  public RedisStoreSettings withSessionTtl(Duration value) {
    return new RedisStoreSettings(keys, value, processedEventTtl, journal);
  }

  public RedisStoreSettings withProcessedEventTtl(Duration value) {
    return new RedisStoreSettings(keys, sessionTtl, value, journal);
  }

  private static void requirePositive(Duration ttl, String name) {
    if (ttl == null || ttl.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms but was " + ttl);
    }
  }
}
