package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import java.time.Clock;

/** The real clock, for a bot on a platform (the console brings its own, which it can move). */
public final class SystemClockModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
  }
}
