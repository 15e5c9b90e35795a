package org.evenkeel.core.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.evenkeel.core.content.Intents;
import org.evenkeel.core.safety.TextNormalizer;

/**
 * {@link ExampleIntentClassifier} as it was before it normalised once per turn and grouped its
 * examples by locale, kept verbatim as the reference the fast one must agree with.
 */
final class ReferenceIntentClassifier implements IntentClassifier {

  private static final Set<String> FILLER =
      Set.of(
          "i", "im", "i'm", "me", "my", "a", "an", "the", "to", "is", "am", "are", "it", "so",
          "and", "of", "do", "just", "really", "very", "can", "you", "please", "lol", "right",
          "now", "be");

  private final List<Example> examples = new ArrayList<>();
  private final double threshold;

  ReferenceIntentClassifier(Intents intents, double threshold) {
    this.threshold = threshold;
    for (Intents.Intent intent : intents.intents()) {
      for (String example : intent.examples()) {
        String normalized = TextNormalizer.normalize(example);
        examples.add(new Example(intent, normalized, words(normalized)));
      }
    }
  }

  @Override
  public Optional<IntentMatch> classify(String text, String locale) {
    String normalized = TextNormalizer.normalize(text);
    Set<String> words = words(normalized);
    IntentMatch best = null;
    for (Example example : examples) {
      if (!example.intent().locale().equals(locale)) {
        continue;
      }
      double score = score(normalized, words, example);
      if (best == null || score > best.confidence()) {
        best = new IntentMatch(example.intent(), score);
      }
    }
    return Optional.ofNullable(best).filter(m -> m.confidence() >= threshold);
  }

  private static double score(String text, Set<String> words, Example example) {
    if (!example.text().isEmpty() && (" " + text + " ").contains(" " + example.text() + " ")) {
      return 1.0;
    }
    if (words.isEmpty() || example.words().isEmpty()) {
      return 0.0;
    }
    Set<String> shared = new HashSet<>(words);
    shared.retainAll(example.words());
    return shared.size() / Math.sqrt((double) words.size() * example.words().size());
  }

  private static Set<String> words(String normalized) {
    return Arrays.stream(normalized.split("[^\\p{L}\\p{N}']+"))
        .map(w -> w.replace("'", ""))
        .filter(w -> !w.isEmpty() && !FILLER.contains(w))
        .collect(Collectors.toSet());
  }

  private record Example(Intents.Intent intent, String text, Set<String> words) {}
}
