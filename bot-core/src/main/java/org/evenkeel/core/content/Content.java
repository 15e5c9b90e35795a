package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All content, loaded and validated: messages, flows, crisis resources, safety patterns, intents,
 * milestone sets and the platforms' command menu. Immutable; a reload builds a new one.
 */
public record Content(
    List<String> locales,
    Messages messages,
    Map<String, Flow> flows,
    CrisisResources crisis,
    List<SafetyPatterns> safety,
    Intents intents,
    Map<String, MilestoneSet> milestoneSets,
    CommandMenu menu) {

  public Content {
    locales = List.copyOf(locales);
    requireValue(messages, "messages");
    flows = Map.copyOf(flows);
    requireValue(crisis, "crisis");
    safety = List.copyOf(safety);
    requireValue(intents, "intents");
    milestoneSets = Map.copyOf(milestoneSets);
    requireValue(menu, "menu");
  }

  public Optional<Flow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  /** The flow a command starts, if a flow declares it. */
  public Optional<Flow> flowForCommand(String command) {
    return flows.values().stream()
        .filter(f -> f.command().filter(command::equals).isPresent())
        .findFirst();
  }
}
