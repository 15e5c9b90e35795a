package org.evenkeel.core.safety;

import java.util.Optional;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.FollowsContent;

/**
 * The crisis screen of the content in force: when content is reloaded with changed safety patterns,
 * the next message is screened with them. There is always a screen: the new one is built before it
 * replaces the old.
 */
public final class ContentSafetyScreen implements SafetyScreen {

  private final FollowsContent<PatternSafetyScreen> screen;

  public ContentSafetyScreen(ContentSource content) {
    this.screen = new FollowsContent<>(content, c -> new PatternSafetyScreen(c.safety()));
  }

  @Override
  public Optional<CrisisSignal> screen(String text) {
    return screen.current().screen(text);
  }

  @Override
  public Optional<CrisisSignal> screen(NormalizedText text) {
    return screen.current().screen(text);
  }
}
