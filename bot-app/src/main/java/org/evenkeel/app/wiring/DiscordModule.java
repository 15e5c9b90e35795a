package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.discord.DiscordOutbound;
import org.evenkeel.discord.Interactions;

/**
 * Sends the effects of Discord conversations through Discord. The launcher connects after the
 * application is built (the listener needs the dispatcher) and hands the connection over through
 * {@code connection}; nothing is delivered before, as the timers start after connecting.
 */
public final class DiscordModule extends AbstractModule {

  /** The platform name of Discord conversations. */
  public static final String PLATFORM = "discord";

  private final AtomicReference<JDA> connection;

  public DiscordModule(AtomicReference<JDA> connection) {
    this.connection = connection;
  }

  @Provides
  @Singleton
  Interactions interactions(MessageRefs refs, Clock clock) {
    return new Interactions(refs, clock);
  }

  @ProvidesIntoMap
  @StringMapKey(PLATFORM)
  @Singleton
  Outbound discord(
      Settings settings,
      Interactions interactions,
      MessageRefs refs,
      RateLimits limits,
      Clock clock) {
    return new DiscordOutbound(
        () -> {
          JDA jda = connection.get();
          if (jda == null) {
            throw new IllegalStateException("discord: not connected yet");
          }
          return jda;
        },
        interactions,
        refs,
        limits,
        settings.discord().proactive(),
        clock);
  }
}
