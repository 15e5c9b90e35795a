package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.telegram.TelegramOutbound;
import org.evenkeel.telegram.TelegramRenderer;
import org.evenkeel.telegram.UpdateMapper;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the effects of Telegram conversations through Telegram, on the real clock, paced by the
 * configured limits in the store's shared buckets, with message refs in the store. The client is
 * built (and the token checked with {@code getMe}) by the launcher, which also starts receiving.
 */
public final class TelegramModule extends AbstractModule {

  private final TelegramClient client;

  public TelegramModule(TelegramClient client) {
    this.client = client;
  }

  @ProvidesIntoMap
  @StringMapKey(UpdateMapper.PLATFORM)
  @Singleton
  Outbound telegram(
      Settings settings, RateLimits buckets, MessageRefs refs, ChatMigrations migrations) {
    return new TelegramOutbound(
        client, new TelegramRenderer(), buckets, settings.telegram().limits(), refs, migrations);
  }
}
