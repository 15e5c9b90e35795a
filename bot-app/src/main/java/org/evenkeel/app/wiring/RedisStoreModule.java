package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.Leases;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.redis.JournalCipher;
import org.evenkeel.redis.RedisChatMigrations;
import org.evenkeel.redis.RedisCommunitySettings;
import org.evenkeel.redis.RedisLeases;
import org.evenkeel.redis.RedisMailbox;
import org.evenkeel.redis.RedisMessageRefs;
import org.evenkeel.redis.RedisRateLimits;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.RedisStoreSettings;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps members, sessions, timers and mailboxes in Redis: chosen when {@code REDIS_URL} is set. The
 * launcher opens (and closes) the connection; this module only binds it.
 */
public final class RedisStoreModule extends AbstractModule {

  private final UnifiedJedis redis;
  private final JournalCipher journal;

  public RedisStoreModule(UnifiedJedis redis) {
    this(redis, JournalCipher.NONE);
  }

  /** Redis, with journal entries encrypted at rest by {@code journal}. */
  public RedisStoreModule(UnifiedJedis redis, JournalCipher journal) {
    this.redis = redis;
    this.journal = journal;
  }

  @Override
  protected void configure() {
    RedisStoreSettings settings = RedisStoreSettings.defaults().withJournalCipher(journal);
    RedisStore store = new RedisStore(redis, settings);
    bind(MemberStore.class).toInstance(store);
    bind(DueQueue.class).toInstance(store);
    bind(Mailbox.class).toInstance(new RedisMailbox(redis, settings));
    bind(RateLimits.class)
        .toInstance(new RedisRateLimits(redis, RedisStoreSettings.defaults().keys()));
    bind(MessageRefs.class)
        .toInstance(new RedisMessageRefs(redis, RedisStoreSettings.defaults().keys()));
    bind(ChatMigrations.class)
        .toInstance(new RedisChatMigrations(redis, RedisStoreSettings.defaults().keys()));
    bind(Leases.class).toInstance(new RedisLeases(redis, RedisStoreSettings.defaults().keys()));
    bind(CommunitySettings.class)
        .toInstance(new RedisCommunitySettings(redis, RedisStoreSettings.defaults().keys()));
  }
}
