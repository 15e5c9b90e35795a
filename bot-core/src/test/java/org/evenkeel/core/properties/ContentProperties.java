package org.evenkeel.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.testing.TestContent;

/**
 * The content loader under random damage to the shipped content — a line deleted, doubled or
 * rewritten with YAML's special characters, a file cut short, bytes that are not UTF-8, a file
 * gone: checking never throws, loading either succeeds or throws a {@link ContentException} listing
 * problems (never another exception), and the two agree: no problems exactly when it loads.
 */
class ContentProperties {

  private static final List<Path> FILES = files();

  /** One kind of damage to one file. */
  record Damage(int file, int kind, int position, String text) {}

  @Provide
  Arbitrary<Damage> damage() {
    return Combinators.combine(
            Arbitraries.integers().between(0, FILES.size() - 1),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.strings().withChars(":{}[]-#&*!|>'\"%@`,? \t\nabcXYZ019éß").ofMaxLength(24))
        .as(Damage::new);
  }

  @Property(tries = 150)
  void damagedContent_isReportedOrLoaded_neverACrash(@ForAll("damage") Damage damage)
      throws IOException {
    Path dir = Files.createTempDirectory("content-property");
    try {
      copy(TestContent.dir(), dir);
      apply(damage, dir);

      List<ContentProblem> problems = ContentLoader.check(dir);
      Throwable loading = catchThrowable(() -> ContentLoader.load(dir));

      if (problems.isEmpty()) {
        assertThat(loading).as("no problems, so it loads").isNull();
      } else {
        assertThat(loading).isInstanceOf(ContentException.class);
        assertThat(((ContentException) loading).problems()).isEqualTo(problems);
        assertThat(problems).allSatisfy(p -> assertThat(p.toString()).isNotBlank());
      }
    } finally {
      delete(dir);
    }
  }

  private static void apply(Damage damage, Path dir) throws IOException {
    Path file = dir.resolve(FILES.get(damage.file()).toString());
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
    int line = damage.position() % lines.size();
    switch (damage.kind()) {
      case 0 -> lines.remove(line);
      case 1 -> lines.add(line, lines.get(line));
      case 2 -> {
        String old = lines.get(line);
        int at = old.isEmpty() ? 0 : damage.position() % old.length();
        lines.set(line, old.substring(0, at) + damage.text() + old.substring(at));
      }
      case 3 -> {
        Files.writeString(file, text.substring(0, damage.position() % (text.length() + 1)));
        return;
      }
      case 4 -> {
        byte[] bytes = Files.readAllBytes(file);
        bytes[damage.position() % bytes.length] = (byte) 0xC3; // half of a two-byte character
        Files.write(file, bytes);
        return;
      }
      default -> {
        Files.delete(file);
        return;
      }
    }
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
  }

  private static List<Path> files() {
    Path source = TestContent.dir();
    try (Stream<Path> walk = Files.walk(source)) {
      return walk.filter(Files::isRegularFile).map(source::relativize).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.sorted().toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
