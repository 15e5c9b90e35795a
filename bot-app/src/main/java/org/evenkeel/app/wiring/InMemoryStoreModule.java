package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.evenkeel.core.memory.InMemoryChatMigrations;
import org.evenkeel.core.memory.InMemoryCommunitySettings;
import org.evenkeel.core.memory.InMemoryLeases;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryRateLimits;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.Leases;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.RateLimits;

/** Keeps everything in memory: the default when no Redis is configured. */
public final class InMemoryStoreModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(InMemoryStore.class).in(Singleton.class);
    bind(MemberStore.class).to(InMemoryStore.class);
    bind(DueQueue.class).to(InMemoryStore.class);
  }

  @Provides
  @Singleton
  Mailbox mailbox(Clock clock, InMemoryStore store) {
    return new InMemoryMailbox(clock, store);
  }

  @Provides
  @Singleton
  MessageRefs messageRefs(InMemoryStore store) {
    return store.messageRefs();
  }

  @Provides
  @Singleton
  ChatMigrations chatMigrations() {
    return new InMemoryChatMigrations();
  }

  @Provides
  @Singleton
  Leases leases(Clock clock) {
    return new InMemoryLeases(clock);
  }

  @Provides
  @Singleton
  CommunitySettings communitySettings() {
    return new InMemoryCommunitySettings();
  }

  @Provides
  @Singleton
  RateLimits rateLimits(Clock clock) {
    return new InMemoryRateLimits(clock);
  }
}
