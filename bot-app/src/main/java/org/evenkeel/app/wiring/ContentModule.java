package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.evenkeel.app.config.Settings;
import org.evenkeel.app.content.ContentReloader;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;

/**
 * Binds content the launcher already loaded and validated (modules do no I/O), and the reloader
 * that keeps it current.
 */
public final class ContentModule extends AbstractModule {

  private final Content content;

  public ContentModule(Content content) {
    this.content = content;
  }

  @Override
  protected void configure() {
    bind(ContentSource.class).toInstance(new ContentSource(content));
  }

  /** Reloads the content directory into the content in force; started by the launcher. */
  @Provides
  @Singleton
  ContentReloader reloader(Settings settings, ContentSource source) {
    return new ContentReloader(settings.contentDir(), source);
  }
}
