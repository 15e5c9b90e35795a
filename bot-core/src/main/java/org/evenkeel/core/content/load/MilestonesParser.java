package org.evenkeel.core.content.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.content.MilestoneSet;

/** Reads {@code milestones/<set>.yaml}. */
final class MilestonesParser {

  private MilestonesParser() {}

  static Optional<MilestoneSet> parse(YamlMap root, String expectedId) {
    root.allowOnly("a milestone set", Set.of("id", "title", "days", "then_yearly"));
    Optional<String> id = root.requiredString("id", "a milestone set");
    id.filter(i -> !i.equals(expectedId))
        .ifPresent(
            i ->
                root.report(
                    "id",
                    "milestone set id '" + i + "' must match its file name '" + expectedId + "'"));
    Optional<String> title = root.requiredString("title", "a milestone set");
    List<Integer> days = new ArrayList<>();
    for (YamlMap.Located day : root.strings("days")) {
      try {
        int value = Integer.parseInt(day.value().trim());
        if (value < 1 || (!days.isEmpty() && value <= days.get(days.size() - 1))) {
          root.problems()
              .add(root.file(), day.line(), "milestone days must be positive and increasing");
        }
        days.add(value);
      } catch (NumberFormatException e) {
        root.problems()
            .add(
                root.file(),
                day.line(),
                "milestone day '" + day.value() + "' is not a whole number");
      }
    }
    if (days.isEmpty()) {
      root.report("a milestone set needs 'days'");
    }
    boolean yearly = root.bool("then_yearly").orElse(false);
    if (id.isEmpty() || title.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MilestoneSet(id.get(), title.get(), days, yearly));
  }
}
