package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The crisis screen's patterns for one language: regular expressions per category, and guards for
 * idioms that are masked out before the patterns run.
 */
public record SafetyPatterns(
    String language, Map<CrisisCategory, List<Pattern>> categories, List<Pattern> guards) {

  public SafetyPatterns {
    requireValue(language, "language");
    categories = Map.copyOf(categories);
    guards = List.copyOf(guards);
  }
}
