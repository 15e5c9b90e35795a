package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.io.PrintStream;
import java.time.Clock;
import org.evenkeel.app.config.Settings;
import org.evenkeel.console.ConsoleChat;
import org.evenkeel.console.ConsoleOutbound;
import org.evenkeel.console.OffsetClock;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.Outbound;

/**
 * The local console chat. Its clock can jump ahead ({@code --fast}), so this module also provides
 * the application's clock; a run with platform adapters binds the system clock instead.
 */
public final class ConsoleModule extends AbstractModule {

  private final ConsoleChat.Options options;
  private final PrintStream out;
  private final boolean ansi;

  public ConsoleModule(ConsoleChat.Options options, PrintStream out, boolean ansi) {
    this.options = options;
    this.out = out;
    this.ansi = ansi;
  }

  @Override
  protected void configure() {
    bind(OffsetClock.class).toInstance(new OffsetClock(Clock.systemUTC()));
    bind(Clock.class).to(OffsetClock.class);
    MapBinder.newMapBinder(binder(), String.class, Outbound.class)
        .addBinding(ConsoleChat.PLATFORM)
        .to(ConsoleOutbound.class);
  }

  @Provides
  @Singleton
  ConsoleOutbound consoleOutbound(Settings settings) {
    return new ConsoleOutbound(out, ansi, settings.exportDir());
  }

  @Provides
  @Singleton
  ConsoleChat chat(
      TurnDispatcher dispatcher,
      TimerPump pump,
      DueQueue queue,
      OffsetClock clock,
      ConsoleOutbound outbound) {
    return new ConsoleChat(dispatcher, pump, queue, clock, outbound, options);
  }
}
