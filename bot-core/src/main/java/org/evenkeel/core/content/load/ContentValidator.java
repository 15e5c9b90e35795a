package org.evenkeel.core.content.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evenkeel.core.content.CommandMenu;
import org.evenkeel.core.content.MilestoneSet;
import org.evenkeel.core.content.RequiredMessages;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.effect.Choice;

/** The checks that span files: references between flows, messages, translations and intents. */
final class ContentValidator {

  /** Commands the engine answers itself, without a flow. */
  static final Set<String> BUILT_IN_COMMANDS =
      Set.of("help", "stop", "export", "journal", "mood", "milestone", "skip");

  private final Problems problems;
  private final String fallback;
  private final List<String> locales;
  private final Map<String, MessagesParser.LocaleMessages> messages;
  private final List<ParsedFlow> flows;
  private final Map<String, String> flowFiles;
  private final List<IntentsParser.Located> intents;
  private final Map<String, MilestoneSet> milestoneSets;
  private final List<YamlMap.Located> privateMenu;
  private final List<YamlMap.Located> groupMenu;

  ContentValidator(
      Problems problems,
      String fallback,
      List<String> locales,
      Map<String, MessagesParser.LocaleMessages> messages,
      List<ParsedFlow> flows,
      Map<String, String> flowFiles,
      List<IntentsParser.Located> intents,
      Map<String, MilestoneSet> milestoneSets,
      List<YamlMap.Located> privateMenu,
      List<YamlMap.Located> groupMenu) {
    this.problems = problems;
    this.fallback = fallback;
    this.locales = locales;
    this.messages = messages;
    this.flows = flows;
    this.flowFiles = flowFiles;
    this.intents = intents;
    this.milestoneSets = milestoneSets;
    this.privateMenu = privateMenu;
    this.groupMenu = groupMenu;
  }

  void validate() {
    Map<String, Integer> fallbackLines =
        messages.containsKey(fallback) ? messages.get(fallback).lines() : Map.of();
    flows.forEach(this::checkFlow);
    checkCommands();
    checkMenu(privateMenu);
    checkMenu(groupMenu);
    checkRequired(fallbackLines);
    checkTranslations(fallbackLines);
    checkIntents();
    milestoneSets
        .values()
        .forEach(m -> checkKey("milestones/" + m.id() + ".yaml", 0, m.title(), false));
  }

  private void checkFlow(ParsedFlow parsed) {
    String file = parsed.file();
    var flow = parsed.flow();
    for (Step step : flow.steps()) {
      int line = parsed.stepLines().get(step.id());
      for (Target target : step.targets()) {
        if (target instanceof Target.ToStep to && flow.step(to.stepId()).isEmpty()) {
          problems.add(
              file, line, "step '" + step.id() + "' goes to unknown step '" + to.stepId() + "'");
        } else if (target instanceof Target.ToFlow to && !flowFiles.containsKey(to.flowId())) {
          problems.add(
              file, line, "step '" + step.id() + "' goes to unknown flow '" + to.flowId() + "'");
        }
      }
    }
    Set<String> reached = reachable(flow);
    boolean ends = false;
    for (Step step : flow.steps()) {
      if (!reached.contains(step.id())) {
        problems.add(
            file,
            parsed.stepLines().get(step.id()),
            "step '" + step.id() + "' can never be reached");
      } else if (step instanceof Step.End
          || step.targets().stream().anyMatch(t -> !(t instanceof Target.ToStep))) {
        ends = true;
      }
    }
    if (!ends) {
      problems.add(
          file,
          parsed.line(),
          "flow '" + flow.id() + "' never ends (no end step, 'end' or 'flow:' target)");
    }
    checkLoops(parsed);
    for (ParsedFlow.MessageRef ref : parsed.messageRefs()) {
      checkKey(file, ref.line(), ref.key(), ref.label());
    }
  }

  private static Set<String> reachable(org.evenkeel.core.content.Flow flow) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(flow.startStep().id());
    flow.steps().stream()
        .filter(s -> s instanceof Step.Timer)
        .forEach(s -> ((Step.Timer) s).fire().ifPresent(todo::add));
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (!seen.add(id)) {
        continue;
      }
      flow.step(id)
          .ifPresent(
              step ->
                  step.targets()
                      .forEach(
                          t -> {
                            if (t instanceof Target.ToStep to) {
                              todo.add(to.stepId());
                            }
                          }));
    }
    return seen;
  }

  /** A cycle through steps that never wait for the member would spin forever. */
  private void checkLoops(ParsedFlow parsed) {
    var flow = parsed.flow();
    Map<String, Integer> state = new HashMap<>();
    for (Step step : flow.steps()) {
      findLoop(parsed, step.id(), state, new LinkedHashSet<>());
    }
  }

  private void findLoop(
      ParsedFlow parsed, String id, Map<String, Integer> state, LinkedHashSet<String> path) {
    Step step = parsed.flow().step(id).orElse(null);
    if (step == null || waits(step) || state.getOrDefault(id, 0) == 2) {
      return;
    }
    if (path.contains(id)) {
      problems.add(
          parsed.file(),
          parsed.stepLines().get(id),
          "steps "
              + String.join(" -> ", path)
              + " -> "
              + id
              + " form a loop that never waits for the member (add an ask or wait step)");
      state.put(id, 2);
      return;
    }
    path.add(id);
    for (Target t : step.targets()) {
      if (t instanceof Target.ToStep to) {
        findLoop(parsed, to.stepId(), state, path);
      }
    }
    path.remove(id);
    state.put(id, 2);
  }

  private static boolean waits(Step step) {
    return step instanceof Step.AskText
        || step instanceof Step.AskChoice
        || step instanceof Step.AskScale
        || step instanceof Step.Wait
        || step instanceof Step.Pace;
  }

  private void checkCommands() {
    Map<String, String> owners = new HashMap<>();
    for (ParsedFlow parsed : flows) {
      parsed
          .flow()
          .command()
          .ifPresent(
              command -> {
                if (BUILT_IN_COMMANDS.contains(command)) {
                  problems.add(
                      parsed.file(),
                      parsed.line(),
                      "command '/" + command + "' is built in and cannot start a flow");
                }
                String first = owners.putIfAbsent(command, parsed.file());
                if (first != null) {
                  problems.add(
                      parsed.file(),
                      parsed.line(),
                      "command '/" + command + "' is already started by " + first);
                }
              });
    }
  }

  /**
   * Every command in the menu exists (built in, or started by a flow), appears once, and has a
   * plain description of at most {@link CommandMenu#DESCRIPTION_MAX_LENGTH} characters.
   */
  private void checkMenu(List<YamlMap.Located> menu) {
    Set<String> flowCommands = new HashSet<>();
    flows.forEach(f -> f.flow().command().ifPresent(flowCommands::add));
    Set<String> seen = new HashSet<>();
    for (YamlMap.Located entry : menu) {
      String command = entry.value();
      if (!command.matches(CommandMenu.NAME_PATTERN)) {
        problems.add(
            "content.yaml",
            entry.line(),
            "menu command '" + command + "' must be 1-32 of a-z, 0-9 and _");
        continue;
      }
      if (!seen.add(command)) {
        problems.add(
            "content.yaml", entry.line(), "menu command '" + command + "' is listed twice");
      }
      // A flow file that did not parse has its own problem; its command cannot be known.
      boolean allFlowsRead = flows.size() == flowFiles.size();
      if (!BUILT_IN_COMMANDS.contains(command) && !flowCommands.contains(command) && allFlowsRead) {
        problems.add(
            "content.yaml",
            entry.line(),
            "menu command '/" + command + "' is neither built in nor started by a flow");
      }
      String key = CommandMenu.descriptionKey(command);
      checkKey("content.yaml", entry.line(), key, false);
      messages.forEach(
          (locale, m) -> {
            String text = m.texts().get(key);
            if (text != null
                && (text.length() > CommandMenu.DESCRIPTION_MAX_LENGTH
                    || text.contains("*")
                    || text.contains("_"))) {
              problems.add(
                  "messages/" + locale + ".yaml",
                  m.lines().get(key),
                  "command description '"
                      + key
                      + "' must be plain text of at most "
                      + CommandMenu.DESCRIPTION_MAX_LENGTH
                      + " characters");
            }
          });
    }
  }

  private void checkKey(String file, int line, String key, boolean label) {
    MessagesParser.LocaleMessages base = messages.get(fallback);
    if (base == null) {
      return;
    }
    if (!base.texts().containsKey(key)) {
      problems.add(
          file, line, "unknown message key '" + key + "' (not in messages/" + fallback + ".yaml)");
      return;
    }
    if (label) {
      messages.forEach(
          (locale, m) -> {
            String text = m.texts().get(key);
            if (text != null && text.length() > Choice.LABEL_MAX_LENGTH) {
              problems.add(
                  "messages/" + locale + ".yaml",
                  m.lines().get(key),
                  "button label '"
                      + key
                      + "' is "
                      + text.length()
                      + " characters long; buttons show at most "
                      + Choice.LABEL_MAX_LENGTH);
            }
          });
    }
  }

  private void checkRequired(Map<String, Integer> fallbackLines) {
    if (!messages.containsKey(fallback)) {
      return;
    }
    for (String key : RequiredMessages.ALL) {
      if (!fallbackLines.containsKey(key)) {
        problems.add(
            "messages/" + fallback + ".yaml",
            0,
            "missing message '" + key + "', which the engine uses");
      }
    }
    for (String flow : RequiredMessages.FLOWS) {
      if (!flowFiles.containsKey(flow)) {
        problems.add(
            "flows/" + flow + ".yaml",
            0,
            "missing file: the engine starts flow '" + flow + "' by itself");
      }
    }
  }

  private void checkTranslations(Map<String, Integer> fallbackLines) {
    for (String locale : locales) {
      if (locale.equals(fallback)) {
        continue;
      }
      MessagesParser.LocaleMessages translated = messages.get(locale);
      String file = "messages/" + locale + ".yaml";
      if (translated == null) {
        problems.add(file, 0, "missing file: content.yaml lists locale '" + locale + "'");
        continue;
      }
      fallbackLines.forEach(
          (key, line) -> {
            if (!translated.texts().containsKey(key)) {
              problems.add(
                  file,
                  0,
                  "missing translation of '"
                      + key
                      + "' (messages/"
                      + fallback
                      + ".yaml:"
                      + line
                      + ")");
            }
          });
      translated
          .lines()
          .forEach(
              (key, line) -> {
                if (!fallbackLines.containsKey(key)) {
                  problems.add(
                      file, line, "message '" + key + "' is not in messages/" + fallback + ".yaml");
                }
              });
    }
  }

  private void checkIntents() {
    for (IntentsParser.Located located : intents) {
      var intent = located.intent();
      String file = "intents/" + intent.locale() + ".yaml";
      intent
          .flow()
          .filter(f -> !flowFiles.containsKey(f))
          .ifPresent(
              f ->
                  problems.add(
                      file,
                      located.line(),
                      "intent '" + intent.id() + "' starts unknown flow '" + f + "'"));
      intent
          .command()
          .filter(
              c ->
                  !BUILT_IN_COMMANDS.contains(c)
                      && flows.stream()
                          .noneMatch(p -> p.flow().command().filter(c::equals).isPresent()))
          .ifPresent(
              c ->
                  problems.add(
                      file,
                      located.line(),
                      "intent '" + intent.id() + "' runs unknown command '" + c + "'"));
    }
  }
}
