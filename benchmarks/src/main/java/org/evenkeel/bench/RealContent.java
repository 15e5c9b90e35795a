package org.evenkeel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.safety.PatternSafetyScreen;

/**
 * The repository's own {@code content/} directory and an engine on it, wired as the application
 * wires it (CoreModule), so that benchmarks measure the content members actually get.
 */
public final class RealContent {

  private RealContent() {}

  /** {@code content/} in the working directory or the nearest directory above it. */
  public static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("content/content.yaml"))) {
        return p.resolve("content");
      }
    }
    throw new IllegalStateException(
        "no content/content.yaml in " + here + " or above it: run from the repository");
  }

  public static Content load() {
    return ContentLoader.load(dir());
  }

  /** An engine with the default settings, the pattern safety screen and the example intents. */
  static Engine engine(Content content) {
    return new Engine(
        new ContentSource(content),
        new PatternSafetyScreen(content.safety()),
        new ExampleIntentClassifier(content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
        EngineSettings.DEFAULTS);
  }
}
