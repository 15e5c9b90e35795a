package org.evenkeel.app.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.intent.ContentIntents;
import org.evenkeel.core.safety.ContentSafetyScreen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content hot reload on a copy of the project's content: a valid change goes live for the next
 * turn, with the safety screen and intents that follow it; a broken change is refused with its
 * problems and the content in force keeps serving.
 */
class ContentReloaderTest {

  @TempDir Path dir;
  private ContentSource source;
  private ContentReloader reloader;

  @BeforeEach
  void copyTheProjectsContent() throws IOException {
    Path project = Path.of("..", "content");
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = dir.resolve(project.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    source = new ContentSource(ContentLoader.load(dir));
    reloader = new ContentReloader(dir, source);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  @Test
  void nothingChanged_nothingIsLoaded() {
    var before = source.current();

    assertThat(reloader.check()).isEqualTo(ContentReloader.Outcome.UNCHANGED);
    assertThat(source.current()).isSameAs(before);
  }

  @Test
  void aValidChange_isInForceForTheNextTurn_onceOnly() throws IOException {
    edit("messages/en.yaml", "Really rough", "Really, really rough");

    assertThat(reloader.check()).isEqualTo(ContentReloader.Outcome.RELOADED);
    assertThat(source.current().messages().get("en", "checkin.scale.min"))
        .isEqualTo("Really, really rough");
    assertThat(reloader.check()).isEqualTo(ContentReloader.Outcome.UNCHANGED);
  }

  @Test
  void aBrokenChange_isRefusedWithItsProblems_andTheContentInForceKeepsServing()
      throws IOException {
    var before = source.current();
    edit("flows/settings.yaml", "next: done", "next: nowhere");

    ContentReloader.Outcome outcome = reloader.check();

    assertThat(outcome).isInstanceOf(ContentReloader.Outcome.Refused.class);
    assertThat(((ContentReloader.Outcome.Refused) outcome).problems())
        .extracting(Object::toString)
        .anySatisfy(p -> assertThat(p).contains("flows/settings.yaml").contains("nowhere"));
    assertThat(source.current()).isSameAs(before);
    assertThat(reloader.check())
        .as("the same broken files, reported once")
        .isEqualTo(ContentReloader.Outcome.UNCHANGED);

    edit("flows/settings.yaml", "next: nowhere", "next: done"); // fixed
    assertThat(reloader.check()).isEqualTo(ContentReloader.Outcome.RELOADED);
  }

  @Test
  void newSafetyPatternsAndIntentExamples_reachTheScreenAndTheClassifier() throws IOException {
    ContentSafetyScreen screen = new ContentSafetyScreen(source);
    ContentIntents intents = new ContentIntents(source, 0.5);
    String phrase = "the zorblax feeling is back " + Instant.EPOCH.getEpochSecond();
    assertThat(screen.screen(phrase)).isEmpty();
    assertThat(intents.classify("i need zorblax grounding now", "en"))
        .map(m -> m.intent().id())
        .isNotEqualTo(java.util.Optional.of("zorblax"));

    edit(
        "safety/en.yaml",
        "  explicit_ideation:\n",
        "  explicit_ideation:\n    - \"\\\\bzorblax feeling\\\\b\"\n");
    edit(
        "intents/en.yaml",
        "      - \"skip today\"",
        "      - \"skip today\"\n      - \"zorblax please\"");
    assertThat(reloader.check()).isEqualTo(ContentReloader.Outcome.RELOADED);

    assertThat(intents.classify("zorblax please", "en"))
        .map(m -> m.intent().id())
        .contains("skip_today");
    assertThat(screen.screen(phrase)).isPresent();
    assertThat(screen.screen("i want to kill myself")).as("the other patterns stay").isPresent();
  }
}
