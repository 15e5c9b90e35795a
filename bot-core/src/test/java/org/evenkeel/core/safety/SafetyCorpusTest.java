package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crisis screen against the labelled corpus in {@code safety/cases.tsv}, with the project's
 * real patterns: every positive line must raise its category, every {@code none} line (idioms,
 * recovery talk, past tense) must raise nothing.
 */
class SafetyCorpusTest {

  private static final String CORPUS = "safety/cases.tsv";
  private static final PatternSafetyScreen SCREEN =
      new PatternSafetyScreen(TestContent.load().safety());

  /** One labelled line of the corpus. */
  record Case(int line, String language, String expected, String text) {
    @Override
    public String toString() {
      return language + " " + expected + ": " + text;
    }
  }

  static List<Case> positives() {
    return cases().stream().filter(c -> !c.expected().equals("none")).toList();
  }

  static List<Case> negatives() {
    return cases().stream().filter(c -> c.expected().equals("none")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positives")
  void crisisLine_raisesItsCategory(Case c) {
    Optional<CrisisSignal> signal = SCREEN.screen(c.text());

    assertThat(signal).as("line %d: %s", c.line(), c.text()).isPresent();
    assertThat(signal.get().categories())
        .as("line %d: %s", c.line(), c.text())
        .contains(CrisisCategory.fromId(c.expected()).orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void hardNegative_raisesNothing(Case c) {
    assertThat(SCREEN.screen(c.text())).as("line %d: %s", c.line(), c.text()).isEmpty();
  }

  @Test
  void corpus_coversEveryCategoryAndHasHardNegativesInEveryLanguage() {
    List<Case> all = cases();
    for (CrisisCategory category : CrisisCategory.values()) {
      assertThat(all).as(category.id()).anyMatch(c -> c.expected().equals(category.id()));
    }
    for (String language : List.of("en", "de", "es", "fr", "pt")) {
      assertThat(all)
          .as(language)
          .anyMatch(c -> c.language().equals(language) && c.expected().equals("none"))
          .anyMatch(c -> c.language().equals(language) && !c.expected().equals("none"));
    }
  }

  @Test
  void guard_masksOnlyItsOwnWords() {
    assertThat(SCREEN.screen("this craving is killing me")).isEmpty();

    Optional<CrisisSignal> signal =
        SCREEN.screen("this craving is killing me and i want to kill myself");

    assertThat(signal).isPresent();
    assertThat(signal.get().categories()).contains(CrisisCategory.EXPLICIT_IDEATION);
  }

  @Test
  void signal_ranksTheMostUrgentCategoryFirst() {
    Optional<CrisisSignal> signal =
        SCREEN.screen("i want to die and i've been saving my pills for a while now");

    assertThat(signal).isPresent();
    assertThat(signal.get().categories())
        .contains(CrisisCategory.PASSIVE_IDEATION, CrisisCategory.PLAN_OR_MEANS);
    assertThat(signal.get().primary()).isEqualTo(CrisisCategory.PLAN_OR_MEANS);
  }

  private static List<Case> cases() {
    try (InputStream in = SafetyCorpusTest.class.getClassLoader().getResourceAsStream(CORPUS)) {
      assertThat(in).as(CORPUS).isNotNull();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.get(0)).isEqualTo("language\texpected\ttext");
      List<Case> out = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        assertThat(columns).as("line %d has three tab-separated columns", i + 1).hasSize(3);
        assertThat(columns[1].equals("none") || CrisisCategory.fromId(columns[1]).isPresent())
            .as("line %d: unknown category '%s'", i + 1, columns[1])
            .isTrue();
        out.add(new Case(i + 1, columns[0], columns[1], columns[2]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
