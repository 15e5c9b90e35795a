package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.engine.EngineSettings;

/** Binds the loaded configuration. */
public final class SettingsModule extends AbstractModule {

  private final Settings settings;

  public SettingsModule(Settings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(Settings.class).toInstance(settings);
  }

  @Provides
  EngineSettings engineSettings() {
    return settings.engine();
  }
}
