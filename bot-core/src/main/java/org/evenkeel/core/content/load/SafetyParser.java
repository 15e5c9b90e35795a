package org.evenkeel.core.content.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.content.SafetyPatterns;

/** Reads {@code safety/<lang>.yaml}: the crisis screen's patterns and guards for one language. */
final class SafetyParser {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private SafetyParser() {}

  static Optional<SafetyPatterns> parse(YamlMap root, String expectedLanguage) {
    root.allowOnly("safety patterns", Set.of("language", "categories", "guards"));
    Optional<String> language = root.requiredString("language", "safety patterns");
    language
        .filter(l -> !l.equals(expectedLanguage))
        .ifPresent(
            l ->
                root.report(
                    "language",
                    "language '" + l + "' must match the file name '" + expectedLanguage + "'"));
    Map<CrisisCategory, List<Pattern>> categories = new EnumMap<>(CrisisCategory.class);
    Optional<YamlMap> categoryMap = root.map("categories");
    if (categoryMap.isEmpty()) {
      root.report("safety patterns need 'categories'");
    }
    categoryMap.ifPresent(
        map -> {
          for (String key : map.keys()) {
            Optional<CrisisCategory> category = CrisisCategory.fromId(key);
            if (category.isEmpty()) {
              map.report(key, "unknown crisis category '" + key + "'");
              continue;
            }
            categories.put(category.get(), patterns(map, key));
          }
        });
    List<Pattern> guards = patterns(root, "guards");
    return language.map(l -> new SafetyPatterns(l, categories, guards));
  }

  private static List<Pattern> patterns(YamlMap map, String key) {
    List<Pattern> out = new ArrayList<>();
    for (YamlMap.Located source : map.strings(key)) {
      try {
        out.add(Pattern.compile(source.value(), FLAGS));
      } catch (PatternSyntaxException e) {
        map.problems()
            .add(
                map.file(),
                source.line(),
                "malformed pattern '" + source.value() + "': " + e.getDescription());
      }
    }
    return out;
  }
}
