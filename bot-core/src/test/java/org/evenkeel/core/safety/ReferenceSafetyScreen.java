package org.evenkeel.core.safety;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.content.SafetyPatterns;

/**
 * The crisis screen as it was before it was made fast, kept verbatim as the reference that {@link
 * PatternSafetyScreen} must agree with: every guard and every pattern of every language, run one by
 * one. Slow, and obviously right.
 */
final class ReferenceSafetyScreen implements SafetyScreen {

  /** Most urgent first: the order in which a message's categories are ranked. */
  private static final List<CrisisCategory> URGENCY =
      List.of(
          CrisisCategory.PLAN_OR_MEANS,
          CrisisCategory.OVERDOSE,
          CrisisCategory.MEDICAL_EMERGENCY,
          CrisisCategory.EXPLICIT_IDEATION,
          CrisisCategory.SELF_HARM,
          CrisisCategory.HARM_OTHERS,
          CrisisCategory.ABUSE_UNSAFE,
          CrisisCategory.FAREWELL,
          CrisisCategory.PASSIVE_IDEATION);

  private final List<SafetyPatterns> languages;

  ReferenceSafetyScreen(List<SafetyPatterns> languages) {
    this.languages = List.copyOf(languages);
  }

  @Override
  public Optional<CrisisSignal> screen(String text) {
    String normalized = ReferenceTextNormalizer.normalize(text);
    Set<CrisisCategory> found = EnumSet.noneOf(CrisisCategory.class);
    for (SafetyPatterns language : languages) {
      String masked = mask(normalized, language.guards());
      language
          .categories()
          .forEach(
              (category, patterns) -> {
                if (!found.contains(category) && anyFinds(patterns, masked)) {
                  found.add(category);
                }
              });
    }
    return URGENCY.stream()
        .filter(found::contains)
        .findFirst()
        .map(primary -> new CrisisSignal(primary, found));
  }

  private static String mask(String text, List<Pattern> guards) {
    char[] chars = text.toCharArray();
    for (Pattern guard : guards) {
      Matcher m = guard.matcher(text);
      while (m.find()) {
        for (int i = m.start(); i < m.end(); i++) {
          chars[i] = ' ';
        }
      }
    }
    return new String(chars);
  }

  private static boolean anyFinds(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }
}
