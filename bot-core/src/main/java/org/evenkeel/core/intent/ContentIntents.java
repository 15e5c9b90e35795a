package org.evenkeel.core.intent;

import java.util.Optional;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.FollowsContent;
import org.evenkeel.core.safety.NormalizedText;

/** The intents of the content in force: a content reload with new examples reaches them. */
public final class ContentIntents implements IntentClassifier {

  private final FollowsContent<ExampleIntentClassifier> classifier;

  public ContentIntents(ContentSource content, double threshold) {
    this.classifier =
        new FollowsContent<>(content, c -> new ExampleIntentClassifier(c.intents(), threshold));
  }

  @Override
  public Optional<IntentMatch> classify(String text, String locale) {
    return classifier.current().classify(text, locale);
  }

  @Override
  public Optional<IntentMatch> classify(NormalizedText text, String locale) {
    return classifier.current().classify(text, locale);
  }
}
