package org.evenkeel.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;

/** The project's real {@code content/} directory, loaded once per test run. */
public final class TestContent {

  private static Content content;

  private TestContent() {}

  /** The repository's content directory, found from any module's working directory. */
  public static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("content/content.yaml"))) {
        return p.resolve("content");
      }
    }
    throw new IllegalStateException("no content/ directory above " + here);
  }

  public static synchronized Content load() {
    if (content == null) {
      content = ContentLoader.load(dir());
    }
    return content;
  }
}
