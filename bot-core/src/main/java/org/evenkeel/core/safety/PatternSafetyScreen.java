package org.evenkeel.core.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.content.SafetyPatterns;

/**
 * The crisis screen's pattern layer: the content's patterns of every language run on the normalised
 * text (a member may switch language mid-sentence, and short messages cannot be told apart
 * reliably), after each language's guards have masked idioms such as "this craving is killing me".
 * A guard masks only its own words, so a real signal elsewhere still counts.
 *
 * <p>It runs on every message, so a {@link Prefilter} first tells, from the literals the text
 * holds, which guards and patterns could match it at all; only those run. The verdict is the same
 * as running every guard and pattern (ReferenceSafetyScreen in the tests checks this).
 */
public final class PatternSafetyScreen implements SafetyScreen {

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

  private final Prefilter prefilter;
  private final List<Language> languages;

  public PatternSafetyScreen(List<SafetyPatterns> languages) {
    List<Pattern> all = new ArrayList<>();
    List<Language> indexed = new ArrayList<>();
    for (SafetyPatterns language : languages) {
      List<Indexed> guards = index(language.guards(), all);
      Map<CrisisCategory, List<Indexed>> categories = new EnumMap<>(CrisisCategory.class);
      language.categories().forEach((category, list) -> categories.put(category, index(list, all)));
      indexed.add(new Language(guards, categories));
    }
    this.languages = List.copyOf(indexed);
    this.prefilter = new Prefilter(all);
  }

  /** Numbers {@code patterns} by their place in {@code all}, to which they are added. */
  private static List<Indexed> index(List<Pattern> patterns, List<Pattern> all) {
    List<Indexed> out = new ArrayList<>();
    for (Pattern pattern : patterns) {
      out.add(new Indexed(all.size(), pattern));
      all.add(pattern);
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<CrisisSignal> screen(String text) {
    return screen(NormalizedText.of(text));
  }

  @Override
  public Optional<CrisisSignal> screen(NormalizedText text) {
    String normalized = text.normalized();
    BitSet possible = prefilter.possible(normalized);
    Set<CrisisCategory> found = EnumSet.noneOf(CrisisCategory.class);
    for (Language language : languages) {
      // Guards rarely match; when they do, the masked text may hold other literals.
      Optional<String> masked = mask(normalized, possible, language.guards());
      String target = masked.orElse(normalized);
      BitSet possibleInTarget = masked.map(prefilter::possible).orElse(possible);
      language
          .categories()
          .forEach(
              (category, patterns) -> {
                if (!found.contains(category) && anyFinds(patterns, target, possibleInTarget)) {
                  found.add(category);
                }
              });
    }
    return URGENCY.stream()
        .filter(found::contains)
        .findFirst()
        .map(primary -> new CrisisSignal(primary, found));
  }

  /** {@code text} with every guard's matches blanked out, if any guard matched. */
  private static Optional<String> mask(String text, BitSet possible, List<Indexed> guards) {
    char[] chars = null;
    for (Indexed guard : guards) {
      if (!possible.get(guard.index())) {
        continue;
      }
      Matcher m = guard.pattern().matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) {
          if (chars == null) {
            chars = text.toCharArray();
          }
          Arrays.fill(chars, m.start(), m.end(), ' ');
        }
      }
    }
    return Optional.ofNullable(chars).map(String::new);
  }

  private static boolean anyFinds(List<Indexed> patterns, String text, BitSet possible) {
    for (Indexed p : patterns) {
      if (possible.get(p.index()) && p.pattern().matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** A guard or pattern with its index in the prefilter. */
  private record Indexed(int index, Pattern pattern) {}

  /** One language's guards and patterns. */
  private record Language(List<Indexed> guards, Map<CrisisCategory, List<Indexed>> categories) {}
}
