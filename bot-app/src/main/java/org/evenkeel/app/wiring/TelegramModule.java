package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.time.Clock;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.telegram.TelegramOutbound;
import org.evenkeel.telegram.TelegramRenderer;
import org.evenkeel.telegram.UpdateMapper;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the effects of Telegram conversations through Telegram, on the real clock. The client is
 * built (and the token checked with {@code getMe}) by the launcher, which also starts receiving.
 */
public final class TelegramModule extends AbstractModule {

  private final TelegramClient client;

  public TelegramModule(TelegramClient client) {
    this.client = client;
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
    MapBinder.newMapBinder(binder(), String.class, Outbound.class)
        .addBinding(UpdateMapper.PLATFORM)
        .toInstance(new TelegramOutbound(client, new TelegramRenderer()));
  }
}
