package org.evenkeel.core.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.evenkeel.core.content.Intents;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.safety.NormalizedText;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.Test;

/**
 * {@link ExampleIntentClassifier} must guess exactly what {@link ReferenceIntentClassifier} (the
 * classifier as it was) guesses, with the same confidence, whether given raw or normalised text.
 */
class ExampleIntentClassifierDifferentialTest {

  private static final Intents INTENTS = TestContent.load().intents();
  private static final double THRESHOLD = EngineSettings.DEFAULTS.intentThreshold();

  @Test
  void everyExampleOrdinaryLineAndRandomMix_getsTheSameGuess() throws IOException {
    ExampleIntentClassifier fast = new ExampleIntentClassifier(INTENTS, THRESHOLD);
    ReferenceIntentClassifier reference = new ReferenceIntentClassifier(INTENTS, THRESHOLD);
    List<String> texts = new ArrayList<>();
    INTENTS.intents().forEach(i -> texts.addAll(i.examples()));
    Files.readAllLines(
            TestContent.dir().resolveSibling("bot-core/src/test/resources/safety/ordinary.txt"),
            StandardCharsets.UTF_8)
        .stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(texts::add);
    Random random = new Random(20_260_302L);
    int base = texts.size();
    for (int i = 0; i < 2_000; i++) {
      String a = texts.get(random.nextInt(base));
      String b = texts.get(random.nextInt(base));
      texts.add(random.nextBoolean() ? a + " " + b : a.toUpperCase() + "!! " + b.substring(1));
    }
    texts.add("");
    texts.add("   ");

    int matched = 0;
    for (String locale : List.of("en", "de", "xx")) {
      for (String text : texts) {
        Optional<IntentMatch> expected = reference.classify(text, locale);
        assertThat(fast.classify(text, locale)).as("%s: %s", locale, text).isEqualTo(expected);
        assertThat(fast.classify(NormalizedText.of(text), locale)).isEqualTo(expected);
        matched += expected.isPresent() ? 1 : 0;
      }
    }
    assertThat(matched).as("texts some intent matched").isGreaterThan(texts.size() / 5);
  }
}
