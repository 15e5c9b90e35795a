package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;

/** Binds content the launcher already loaded and validated (modules do no I/O). */
public final class ContentModule extends AbstractModule {

  private final Content content;

  public ContentModule(Content content) {
    this.content = content;
  }

  @Override
  protected void configure() {
    bind(ContentSource.class).toInstance(new ContentSource(content));
  }
}
