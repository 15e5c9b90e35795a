package org.evenkeel.core.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.evenkeel.core.content.Intents;
import org.evenkeel.core.safety.NormalizedText;
import org.evenkeel.core.safety.TextNormalizer;

/**
 * Matches text against the content's example phrases by word overlap (cosine similarity of word
 * sets, with filler words ignored); an example contained whole in the text is a full match. Small
 * and predictable; a trained classifier can replace it behind {@link IntentClassifier}.
 */
public final class ExampleIntentClassifier implements IntentClassifier {

  private static final Set<String> FILLER =
      Set.of(
          "i", "im", "i'm", "me", "my", "a", "an", "the", "to", "is", "am", "are", "it", "so",
          "and", "of", "do", "just", "really", "very", "can", "you", "please", "lol", "right",
          "now", "be");

  /** Per locale, in content order (the first of equally good examples wins). */
  private final Map<String, List<Example>> examples;

  private final double threshold;

  public ExampleIntentClassifier(Intents intents, double threshold) {
    this.threshold = threshold;
    Map<String, List<Example>> byLocale = new HashMap<>();
    for (Intents.Intent intent : intents.intents()) {
      for (String example : intent.examples()) {
        String normalized = TextNormalizer.normalize(example);
        byLocale
            .computeIfAbsent(intent.locale(), l -> new ArrayList<>())
            .add(new Example(intent, normalized, " " + normalized + " ", words(normalized)));
      }
    }
    byLocale.replaceAll((locale, list) -> List.copyOf(list));
    this.examples = Map.copyOf(byLocale);
  }

  @Override
  public Optional<IntentMatch> classify(String text, String locale) {
    return classify(NormalizedText.of(text), locale);
  }

  @Override
  public Optional<IntentMatch> classify(NormalizedText text, String locale) {
    String padded = " " + text.normalized() + " ";
    Set<String> words = words(text.normalized());
    IntentMatch best = null;
    for (Example example : examples.getOrDefault(locale, List.of())) {
      double score = score(padded, words, example);
      if (best == null || score > best.confidence()) {
        best = new IntentMatch(example.intent(), score);
      }
    }
    return Optional.ofNullable(best).filter(m -> m.confidence() >= threshold);
  }

  /** {@code padded} is the normalised text with a space either side. */
  private static double score(String padded, Set<String> words, Example example) {
    if (!example.text().isEmpty() && padded.contains(example.padded())) {
      return 1.0;
    }
    if (words.isEmpty() || example.words().isEmpty()) {
      return 0.0;
    }
    int shared = 0;
    for (String word : example.words()) {
      if (words.contains(word)) {
        shared++;
      }
    }
    return shared / Math.sqrt((double) words.size() * example.words().size());
  }

  private static Set<String> words(String normalized) {
    return Arrays.stream(normalized.split("[^\\p{L}\\p{N}']+"))
        .map(w -> w.replace("'", ""))
        .filter(w -> !w.isEmpty() && !FILLER.contains(w))
        .collect(Collectors.toSet());
  }

  private record Example(Intents.Intent intent, String text, String padded, Set<String> words) {}
}
