package org.evenkeel.core.content.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content checker's report, word for word: a copy of the real content is broken in known ways
 * and {@link ContentLoader#check} must report exactly the lines of a golden file under {@code
 * src/test/resources/golden/content/} (one problem per line, sorted by file and line).
 *
 * <p>After a deliberate change of wording, run with {@code -Dgolden.update=true} to rewrite the
 * golden files from the checker's output, then review the diff like any other change.
 */
class ContentValidatorGoldenTest {

  private static final String GOLDEN = "golden/content/";

  @TempDir Path dir;

  @BeforeEach
  void copyRealContent() throws IOException {
    Path source = TestContent.dir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.sorted().toList()) {
        Path to = dir.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  @Test
  void untouchedCopy_hasNoProblems() {
    assertThat(ContentLoader.check(dir)).isEmpty();
  }

  @Test
  void unknownStepTarget_isReportedWithFileAndLine() {
    edit("flows/gratitude.yaml", "    otherwise: thing2\n", "    otherwise: thing_2\n");
    assertGolden("unknown-step-target");
  }

  @Test
  void badMenuCommands_areReported_unknownDoubledMisnamedOrBadlyDescribed() {
    edit(
        "content.yaml",
        "groups: [milestone, help, sos]",
        "groups: [milestone, help, sos, help, teleport, Big-Name]");
    edit(
        "messages/en.yaml",
        "  breathe: \"Paced breathing\"",
        "  breathe: \"Paced *breathing*, slowly, in a rhythm you choose, for as long as you like,"
            + " until you feel calmer again\"");
    edit("messages/en.yaml", "  journal: \"What you've saved\"\n", "");
    assertGolden("bad-menu");
  }

  @Test
  void unreachableStep_isReported() {
    edit(
        "flows/menu.yaml",
        "label: menu.nothing, next: nothing}",
        "label: menu.nothing, next: end}");
    assertGolden("unreachable-step");
  }

  @Test
  void duplicateStepId_pointsAtBothLines() {
    append("flows/gratitude.yaml", "\n  - id: close\n    type: end\n    say: gratitude.close\n");
    assertGolden("duplicate-step-id");
  }

  @Test
  void duplicateChoiceId_pointsAtBothLines() {
    edit(
        "flows/breathe.yaml",
        "{id: not_now, label: common.not_now",
        "{id: box, label: common.not_now");
    assertGolden("duplicate-choice-id");
  }

  @Test
  void flowUsingAMissingMessageKey_isReported() {
    edit("flows/ground.yaml", "say: ground.intro\n", "say: ground.intor\n");
    assertGolden("missing-message-key");
  }

  @Test
  void partialTranslation_listsEveryMissingKeyAndEveryStrayOne() {
    edit("content.yaml", "locales: [en]", "locales: [en, de]");
    write("messages/de.yaml", partialTranslationOf(read("messages/en.yaml")));
    assertGolden("missing-translation");
  }

  /** A translation of {@code english} that lacks two keys and has one that English lacks. */
  private static String partialTranslationOf(String english) {
    String german =
        english
            .replace("  slower: \"Slower\"\n", "")
            .replace("  empty: \"Nothing came through. Could you try again?\"\n", "")
            .replace("  done: \"Done\"\n", "  done: \"Fertig\"\n  finished: \"Erledigt\"\n");
    assertThat(german.length()).isLessThan(english.length());
    return german;
  }

  @Test
  void localeListedWithoutAMessagesFile_isReported() {
    edit("content.yaml", "locales: [en]", "locales: [en, de]");
    assertGolden("missing-locale-file");
  }

  @Test
  void buttonLabelOver80Characters_isReportedOnceAtTheMessage() {
    // common.again labels buttons in three flows; the label is one problem, at its one line.
    edit(
        "messages/en.yaml",
        "  again: \"Again\"\n",
        "  again: \"Once more, from the very beginning, slowly and at whatever pace feels right to you\"\n");
    assertGolden("label-too-long");
  }

  @Test
  void badDuration_isReportedWithTheWayToWriteIt() {
    edit(
        "flows/breathe-box.yaml",
        "{say: breathe.phase.in, duration: 4s}",
        "{say: breathe.phase.in, duration: 4 sec}");
    assertGolden("bad-duration");
  }

  @Test
  void unknownCountryCode_isReported() {
    edit("crisis/resources.yaml", "\n  US:\n", "\n  XX:\n");
    assertGolden("unknown-country");
  }

  @Test
  void malformedSafetyPattern_isReportedWithTheRegexError() {
    edit(
        "safety/en.yaml",
        "\"\\\\bunalive (?:my ?self|me)\\\\b\"",
        "\"\\\\bunalive (?:my ?self|me\\\\b\"");
    assertGolden("malformed-pattern");
  }

  @Test
  void unknownStepType_listsTheKnownTypes() {
    edit("flows/ground.yaml", "  - id: intro\n    type: say\n", "  - id: intro\n    type: speak\n");
    assertGolden("unknown-step-type");
  }

  @Test
  void misspelledField_isReportedWithTheKnownFields() {
    edit(
        "flows/gratitude.yaml",
        "    text: \"{thing3}\"\n    next: close\n",
        "    text: \"{thing3}\"\n    nxet: close\n");
    assertGolden("unknown-field");
  }

  @Test
  void yamlSyntaxError_isReportedAtItsLine() {
    edit("flows/pause.yaml", "    args: {days: 3}\n", "    args: {days: 3\n");
    assertGolden("yaml-syntax");
  }

  @Test
  void loopOfStepsThatNeverWait_isReported() {
    edit(
        "flows/gratitude.yaml",
        "    text: \"{thing3}\"\n    next: close\n",
        "    text: \"{thing3}\"\n    next: got3\n");
    assertGolden("loop-without-waiting");
  }

  @Test
  void missingEngineMessage_isReported() {
    edit(
        "messages/en.yaml",
        "  stale_button: \"That button belongs to an earlier message, so I left it alone.\"\n",
        "");
    assertGolden("missing-engine-message");
  }

  @Test
  void missingRequiredFlow_isReported() throws IOException {
    Files.delete(dir.resolve("flows/crisis.yaml"));
    assertGolden("missing-required-flow");
  }

  @Test
  void intentStartingAnUnknownFlow_isReported() {
    edit(
        "intents/en.yaml",
        "  - id: grounding\n    flow: ground\n",
        "  - id: grounding\n    flow: grounding\n");
    assertGolden("intent-unknown-flow");
  }

  /** Breaks something in nearly every file at once: nothing may hide another problem. */
  private void breakManyThings() throws IOException {
    edit("content.yaml", "locales: [en]", "locales: [en, de]");
    write("messages/de.yaml", partialTranslationOf(read("messages/en.yaml")));
    edit(
        "messages/en.yaml",
        "  stale_button: \"That button belongs to an earlier message, so I left it alone.\"\n",
        "");
    edit(
        "messages/en.yaml",
        "  again: \"Again\"\n",
        "  again: \"Once more, from the very beginning, slowly and at whatever pace feels right to you\"\n");
    edit(
        "flows/breathe.yaml",
        "{id: not_now, label: common.not_now",
        "{id: box, label: common.not_now");
    edit(
        "flows/breathe-box.yaml",
        "{say: breathe.phase.in, duration: 4s}",
        "{say: breathe.phase.in, duration: 4 sec}");
    edit("flows/ground.yaml", "  - id: intro\n    type: say\n", "  - id: intro\n    type: speak\n");
    edit("flows/gratitude.yaml", "    otherwise: thing2\n", "    otherwise: thing_2\n");
    edit(
        "flows/gratitude.yaml",
        "    text: \"{thing3}\"\n    next: close\n",
        "    text: \"{thing3}\"\n    next: got3\n");
    append("flows/checkin.yaml", "\n  - id: close\n    type: end\n    say: checkin.close\n");
    edit(
        "flows/menu.yaml",
        "label: menu.nothing, next: nothing}",
        "label: menu.nothing, next: end}");
    edit("flows/settings.yaml", "say: settings.cancelled\n", "say: settings.canceled\n");
    edit(
        "flows/settings.yaml",
        "    set: {country: country}\n    next: done\n",
        "    set: {country: country}\n    nxet: done\n");
    edit("flows/pause.yaml", "    args: {days: 3}\n", "    args: {days: 3\n");
    Files.delete(dir.resolve("flows/crisis.yaml"));
    edit("crisis/resources.yaml", "\n  US:\n", "\n  XX:\n");
    edit(
        "safety/en.yaml",
        "\"\\\\bunalive (?:my ?self|me)\\\\b\"",
        "\"\\\\bunalive (?:my ?self|me\\\\b\"");
    edit(
        "intents/en.yaml",
        "  - id: grounding\n    flow: ground\n",
        "  - id: grounding\n    flow: grounding\n");
  }

  @Test
  void manyProblemsInManyFiles_areAllReportedTogether_sortedByFileAndLine() throws IOException {
    breakManyThings();

    List<ContentProblem> problems = ContentLoader.check(dir);

    assertThat(problems)
        .isSortedAccordingTo(
            Comparator.comparing(ContentProblem::file).thenComparingInt(ContentProblem::line));
    assertThat(problems.stream().map(ContentProblem::file).distinct())
        .containsExactly(
            "crisis/resources.yaml",
            "flows/breathe-box.yaml",
            "flows/breathe.yaml",
            "flows/checkin.yaml",
            "flows/crisis.yaml",
            "flows/gratitude.yaml",
            "flows/ground.yaml",
            "flows/menu.yaml",
            "flows/pause.yaml",
            "flows/settings.yaml",
            "intents/en.yaml",
            "messages/de.yaml",
            "messages/en.yaml",
            "safety/en.yaml");
    assertGolden("many-problems");
  }

  @Test
  void load_throwsOneExceptionListingEveryProblem() throws IOException {
    breakManyThings();
    List<String> expected = golden("many-problems");

    assertThatThrownBy(() -> ContentLoader.load(dir))
        .isInstanceOfSatisfying(
            ContentException.class,
            e -> {
              assertThat(e.problems()).map(ContentProblem::toString).isEqualTo(expected);
              assertThat(e.getMessage())
                  .isEqualTo(
                      expected.size()
                          + " problems in content:\n"
                          + expected.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            });
  }

  @Test
  void missingContentDirectory_isOneProblem() {
    Path nowhere = dir.resolve("nowhere");
    assertThat(ContentLoader.check(nowhere))
        .map(ContentProblem::toString)
        .containsExactly(nowhere + ": content directory not found");
  }

  // ---- helpers ----

  private void assertGolden(String name) {
    List<String> actual = ContentLoader.check(dir).stream().map(ContentProblem::toString).toList();
    if (Boolean.getBoolean("golden.update")) {
      writeGolden(name, actual);
    }
    assertThat(actual).as("problems (golden file %s.txt)", name).isEqualTo(golden(name));
  }

  private static List<String> golden(String name) {
    try (InputStream in =
        ContentValidatorGoldenTest.class
            .getClassLoader()
            .getResourceAsStream(GOLDEN + name + ".txt")) {
      assertThat(in).as("golden file %s%s.txt", GOLDEN, name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeGolden(String name, List<String> lines) {
    try {
      Path file = Path.of("src/test/resources", GOLDEN, name + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces the one occurrence of {@code old} in {@code file}; fails when it is not there once.
   */
  private void edit(String file, String old, String replacement) {
    String text = read(file);
    int at = text.indexOf(old);
    assertThat(at).as("'%s' in %s", old, file).isNotNegative();
    assertThat(text.indexOf(old, at + 1)).as("'%s' more than once in %s", old, file).isNegative();
    write(file, text.substring(0, at) + replacement + text.substring(at + old.length()));
  }

  private void append(String file, String text) {
    write(file, read(file) + text);
  }

  private String read(String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
