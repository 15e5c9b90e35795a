package org.evenkeel.core.content.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.evenkeel.core.content.Condition;
import org.evenkeel.core.content.Flow;
import org.evenkeel.core.content.RequiredMessages;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.model.JournalEntry;

/** Reads one flow file, reporting every problem of shape; references are checked later. */
final class FlowParser {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern VAR = Pattern.compile("[a-z][a-z0-9_]*");
  private static final int MAX_CHOICES = 10;
  private static final int MAX_ROUNDS = 100;

  private static final Map<String, Set<String>> FIELDS =
      Map.ofEntries(
          Map.entry("say", Set.of("say", "next")),
          Map.entry(
              "ask_text",
              Set.of("say", "var", "optional", "done_label", "expect", "invalid", "next")),
          Map.entry("ask_choice", Set.of("say", "var", "choices")),
          Map.entry("ask_scale", Set.of("say", "var", "min", "max", "labels", "next")),
          Map.entry("wait", Set.of("duration", "typing", "next")),
          Map.entry(
              "pace", Set.of("phases", "rounds", "controls", "slower_factor", "next", "on_stop")),
          Map.entry("branch", Set.of("cases", "otherwise")),
          Map.entry("save", Set.of("journal", "text", "mood", "next")),
          Map.entry("profile", Set.of("set", "next")),
          Map.entry("timer", Set.of("action", "name", "after", "fire", "next")),
          Map.entry("action", Set.of("do", "args", "next")),
          Map.entry("end", Set.of("say")));

  private final YamlMap root;
  private final List<ParsedFlow.MessageRef> refs = new ArrayList<>();

  private FlowParser(YamlMap root) {
    this.root = root;
  }

  /** The flow, or empty when it is too broken to build (its problems are reported). */
  static Optional<ParsedFlow> parse(YamlMap root, String expectedId) {
    return new FlowParser(root).parse(expectedId);
  }

  private Optional<ParsedFlow> parse(String expectedId) {
    root.allowOnly("a flow", Set.of("id", "title", "command", "start", "steps"));
    Optional<String> id = root.requiredString("id", "a flow");
    id.ifPresent(
        value -> {
          if (!ID.matcher(value).matches()) {
            root.report("id", "flow id '" + value + "' must be lower-case letters, digits, - or _");
          } else if (!value.equals(expectedId)) {
            root.report(
                "id", "flow id '" + value + "' must match its file name '" + expectedId + "'");
          }
        });
    Optional<String> title = root.requiredString("title", "a flow");
    title.ifPresent(key -> refs.add(new ParsedFlow.MessageRef(key, root.lineOf("title"), false)));
    Optional<String> command = root.string("command");
    command.ifPresent(
        value -> {
          if (!ID.matcher(value).matches()) {
            root.report("command", "command '" + value + "' must be lower-case, without '/'");
          }
        });
    Optional<String> start = root.requiredString("start", "a flow");
    if (!root.has("steps")) {
      root.report("a flow needs 'steps'");
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    for (YamlMap node : root.maps("steps")) {
      Optional<String> stepId = node.requiredString("id", "a step");
      if (stepId.isEmpty()) {
        continue;
      }
      if (!ID.matcher(stepId.get()).matches()) {
        node.report(
            "id", "step id '" + stepId.get() + "' must be lower-case letters, digits, - or _");
      }
      if (lines.containsKey(stepId.get())) {
        node.report(
            "id",
            "duplicate step id '"
                + stepId.get()
                + "' (first at line "
                + lines.get(stepId.get())
                + ")");
        continue;
      }
      lines.put(stepId.get(), node.line());
      step(node, stepId.get()).ifPresent(steps::add);
    }
    if (start.isPresent() && !lines.isEmpty() && !lines.containsKey(start.get())) {
      root.report("start", "the flow starts at unknown step '" + start.get() + "'");
      return Optional.empty();
    }
    if (id.isEmpty() || title.isEmpty() || start.isEmpty() || steps.size() != lines.size()) {
      return Optional.empty();
    }
    if (steps.isEmpty()) {
      return Optional.empty();
    }
    Flow flow = new Flow(id.get(), title.get(), command, start.get(), steps);
    return Optional.of(new ParsedFlow(root.file(), root.lineOf("id"), flow, lines, refs));
  }

  private Optional<Step> step(YamlMap node, String id) {
    Optional<String> type = node.requiredString("type", "step '" + id + "'");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Set<String> fields = FIELDS.get(type.get());
    if (fields == null) {
      node.report(
          "type",
          "step '"
              + id
              + "' has unknown type '"
              + type.get()
              + "' (known: "
              + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet()))
              + ")");
      return Optional.empty();
    }
    Set<String> allowed = new java.util.HashSet<>(fields);
    allowed.add("id");
    allowed.add("type");
    node.allowOnly("a " + type.get() + " step", allowed);
    String what = "step '" + id + "'";
    int before = node.problems().size();
    Step step =
        switch (type.get()) {
          case "say" -> new Step.Say(id, says(node, what, true), next(node, what));
          case "ask_text" -> askText(node, id, what);
          case "ask_choice" -> askChoice(node, id, what);
          case "ask_scale" -> askScale(node, id, what);
          case "wait" ->
              new Step.Wait(
                  id,
                  duration(node, "duration", what).orElse(Duration.ofSeconds(1)),
                  node.bool("typing").orElse(true),
                  next(node, what));
          case "pace" -> pace(node, id, what);
          case "branch" -> branch(node, id, what);
          case "save" -> save(node, id, what);
          case "profile" -> profile(node, id, what);
          case "timer" -> timer(node, id, what);
          case "action" -> action(node, id, what);
          default -> new Step.End(id, says(node, what, false));
        };
    return node.problems().size() == before ? Optional.of(step) : Optional.of(step);
  }

  private List<String> says(YamlMap node, String what, boolean required) {
    List<YamlMap.Located> keys = node.strings("say");
    if (keys.isEmpty() && required) {
      node.report(what + " needs 'say' (a message key or a list of them)");
    }
    keys.forEach(k -> refs.add(new ParsedFlow.MessageRef(k.value(), k.line(), false)));
    return keys.stream().map(YamlMap.Located::value).toList();
  }

  private Target next(YamlMap node, String what) {
    return target(node, "next", what);
  }

  private Target target(YamlMap node, String key, String what) {
    Optional<String> value = node.requiredString(key, what);
    return value.map(Target::parse).orElse(new Target.End());
  }

  private Optional<String> var(YamlMap node) {
    Optional<String> var = node.string("var");
    var.ifPresent(
        v -> {
          if (!VAR.matcher(v).matches()) {
            node.report("var", "answer name '" + v + "' must be lower-case letters, digits or _");
          }
        });
    return var;
  }

  private Optional<Duration> duration(YamlMap node, String key, String what) {
    Optional<String> text = node.requiredString(key, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> parsed = Durations.parse(text.get());
    if (parsed.isEmpty()) {
      node.report(key, "bad duration '" + text.get() + "' (write e.g. 4s, 90s, 2m, 1h30m)");
    }
    return parsed;
  }

  private Step askText(YamlMap node, String id, String what) {
    Step.Expect expect = Step.Expect.TEXT;
    Optional<String> expectText = node.string("expect");
    if (expectText.isPresent()) {
      try {
        expect = Step.Expect.valueOf(expectText.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        node.report(
            "expect",
            "unknown expect '"
                + expectText.get()
                + "' (known: text, zone, time, country, days, quiet_hours)");
      }
    }
    Optional<String> invalid = node.string("invalid");
    if (expect != Step.Expect.TEXT && invalid.isEmpty()) {
      node.report(what + " expects " + expectText.get() + " and needs an 'invalid' message key");
    }
    invalid.ifPresent(k -> refs.add(new ParsedFlow.MessageRef(k, node.lineOf("invalid"), false)));
    boolean optional = node.bool("optional").orElse(false);
    String doneLabel = node.string("done_label").orElse(RequiredMessages.DONE);
    if (optional) {
      refs.add(new ParsedFlow.MessageRef(doneLabel, node.lineOf("done_label"), true));
    }
    return new Step.AskText(
        id,
        says(node, what, true),
        var(node),
        optional,
        doneLabel,
        expect,
        invalid,
        next(node, what));
  }

  private Step askChoice(YamlMap node, String id, String what) {
    List<String> say = says(node, what, true);
    List<Step.ChoiceOption> options = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<YamlMap> choices = node.maps("choices");
    if (choices.isEmpty()) {
      node.report(what + " needs 'choices'");
    } else if (choices.size() > MAX_CHOICES) {
      node.report("choices", what + " has " + choices.size() + " choices; at most " + MAX_CHOICES);
    }
    for (YamlMap choice : choices) {
      choice.allowOnly("a choice", Set.of("id", "label", "next", "value", "also"));
      Optional<String> choiceId = choice.requiredString("id", "a choice of " + what);
      Optional<String> label = choice.requiredString("label", "a choice of " + what);
      Target next = target(choice, "next", "a choice of " + what);
      if (choiceId.isEmpty() || label.isEmpty()) {
        continue;
      }
      if (!ID.matcher(choiceId.get()).matches() || choiceId.get().length() > 32) {
        choice.report("id", "choice id '" + choiceId.get() + "' must be [a-z0-9_-], 32 at most");
      }
      Integer first = seen.putIfAbsent(choiceId.get(), choice.line());
      if (first != null) {
        choice.report(
            "id", "duplicate choice id '" + choiceId.get() + "' (first at line " + first + ")");
      }
      refs.add(new ParsedFlow.MessageRef(label.get(), choice.lineOf("label"), true));
      Optional<String> also = choice.string("also");
      also.ifPresent(k -> refs.add(new ParsedFlow.MessageRef(k, choice.lineOf("also"), false)));
      options.add(
          new Step.ChoiceOption(choiceId.get(), label.get(), next, choice.string("value"), also));
    }
    return new Step.AskChoice(id, say, var(node), options);
  }

  private Step askScale(YamlMap node, String id, String what) {
    int min = node.integer("min").orElse(1);
    int max = node.integer("max").orElse(5);
    if (min >= max) {
      node.report("max", what + " needs min below max (min " + min + ", max " + max + ")");
    } else if (max - min + 1 > MAX_CHOICES) {
      node.report("max", what + " offers " + (max - min + 1) + " buttons; at most " + MAX_CHOICES);
    }
    Optional<YamlMap> labels = node.map("labels");
    Optional<String> minLabel = labels.flatMap(l -> l.string("min"));
    Optional<String> maxLabel = labels.flatMap(l -> l.string("max"));
    labels.ifPresent(l -> l.allowOnly("scale labels", Set.of("min", "max")));
    minLabel.ifPresent(k -> refs.add(new ParsedFlow.MessageRef(k, node.lineOf("labels"), true)));
    maxLabel.ifPresent(k -> refs.add(new ParsedFlow.MessageRef(k, node.lineOf("labels"), true)));
    return new Step.AskScale(
        id, says(node, what, true), var(node), min, max, minLabel, maxLabel, next(node, what));
  }

  private Step pace(YamlMap node, String id, String what) {
    List<Step.Phase> phases = new ArrayList<>();
    List<YamlMap> phaseNodes = node.maps("phases");
    if (phaseNodes.isEmpty()) {
      node.report(what + " needs 'phases'");
    }
    for (YamlMap phase : phaseNodes) {
      phase.allowOnly("a phase", Set.of("say", "duration"));
      Optional<String> say = phase.requiredString("say", "a phase of " + what);
      say.ifPresent(k -> refs.add(new ParsedFlow.MessageRef(k, phase.lineOf("say"), false)));
      Optional<Duration> duration = duration(phase, "duration", "a phase of " + what);
      if (say.isPresent() && duration.isPresent()) {
        phases.add(new Step.Phase(say.get(), duration.get()));
      }
    }
    int rounds = node.integer("rounds").orElse(1);
    if (!node.has("rounds")) {
      node.report(what + " needs 'rounds'");
    } else if (rounds < 1 || rounds > MAX_ROUNDS) {
      node.report("rounds", what + " needs 1 to " + MAX_ROUNDS + " rounds but has " + rounds);
    }
    Set<Step.Control> controls = EnumSet.noneOf(Step.Control.class);
    for (YamlMap.Located control : node.strings("controls")) {
      try {
        controls.add(Step.Control.valueOf(control.value().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        node.problems()
            .add(
                node.file(),
                control.line(),
                "unknown control '" + control.value() + "' (known: slower, stop)");
      }
    }
    controls.forEach(
        c ->
            refs.add(
                new ParsedFlow.MessageRef(
                    c == Step.Control.STOP ? RequiredMessages.STOP : RequiredMessages.SLOWER,
                    node.lineOf("controls"),
                    true)));
    double factor = node.decimal("slower_factor").orElse(1.5);
    if (factor <= 1.0 || factor > 4.0) {
      node.report("slower_factor", "slower_factor must be above 1 and at most 4 but was " + factor);
    }
    Target next = next(node, what);
    Target onStop = node.has("on_stop") ? target(node, "on_stop", what) : new Target.End();
    return new Step.Pace(id, phases, rounds, controls, factor, next, onStop);
  }

  private Step branch(YamlMap node, String id, String what) {
    List<Step.Case> cases = new ArrayList<>();
    List<YamlMap> caseNodes = node.maps("cases");
    if (caseNodes.isEmpty()) {
      node.report(what + " needs 'cases'");
    }
    for (YamlMap item : caseNodes) {
      item.allowOnly("a case", Set.of("if", "next"));
      Optional<String> condition = item.requiredString("if", "a case of " + what);
      Target next = target(item, "next", "a case of " + what);
      condition.ifPresent(
          text ->
              Condition.parse(text)
                  .ifPresentOrElse(
                      c -> cases.add(new Step.Case(c, next)),
                      () ->
                          item.report(
                              "if",
                              "cannot read condition '"
                                  + text
                                  + "' (write e.g. mood <= 2, answer == yes, set(note))")));
    }
    return new Step.Branch(id, cases, target(node, "otherwise", what));
  }

  private Step save(YamlMap node, String id, String what) {
    JournalEntry.Kind kind = JournalEntry.Kind.NOTE;
    Optional<String> journal = node.requiredString("journal", what);
    if (journal.isPresent()) {
      try {
        kind = JournalEntry.Kind.valueOf(journal.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        node.report(
            "journal", "unknown journal '" + journal.get() + "' (known: gratitude, mood, note)");
      }
    }
    Optional<String> mood = node.string("mood");
    if (kind == JournalEntry.Kind.MOOD && mood.isEmpty()) {
      node.report(what + " saves a mood and needs 'mood' (the answer holding it)");
    }
    String text = node.string("text").orElse("");
    if (kind != JournalEntry.Kind.MOOD && text.isBlank()) {
      node.report(what + " needs 'text' (e.g. \"{thing}\")");
    }
    return new Step.Save(id, kind, text, mood, next(node, what));
  }

  private Step profile(YamlMap node, String id, String what) {
    Map<Step.Setting, String> set = new EnumMap<>(Step.Setting.class);
    Optional<YamlMap> settings = node.map("set");
    if (settings.isEmpty()) {
      node.report(what + " needs 'set' (setting: answer name)");
    }
    settings.ifPresent(
        map -> {
          for (String key : map.keys()) {
            try {
              Step.Setting setting = Step.Setting.valueOf(key.toUpperCase(Locale.ROOT));
              map.string(key).ifPresent(var -> set.put(setting, var));
            } catch (IllegalArgumentException e) {
              map.report(
                  key,
                  "unknown setting '"
                      + key
                      + "' (known: checkin_days, checkin_time, consent, country, locale, quiet_hours,"
                      + " zone)");
            }
          }
        });
    return new Step.Profile(id, set, next(node, what));
  }

  private Step timer(YamlMap node, String id, String what) {
    Optional<String> action = node.requiredString("action", what);
    boolean set = action.map("set"::equals).orElse(true);
    if (action.isPresent() && !action.get().equals("set") && !action.get().equals("cancel")) {
      node.report("action", "timer action must be set or cancel but was '" + action.get() + "'");
    }
    String name = node.requiredString("name", what).orElse("timer");
    if (!VAR.matcher(name).matches()) {
      node.report("name", "timer name '" + name + "' must be lower-case letters, digits or _");
    }
    Optional<Duration> after = set ? duration(node, "after", what) : Optional.empty();
    Optional<String> fire = node.string("fire");
    if (set && fire.isEmpty()) {
      node.report(what + " sets a timer and needs 'fire' (the step it goes to)");
    }
    return new Step.Timer(id, set, name, after, fire, next(node, what));
  }

  private Step action(YamlMap node, String id, String what) {
    Step.ActionKind kind = Step.ActionKind.SOS;
    Optional<String> text = node.requiredString("do", what);
    if (text.isPresent()) {
      try {
        kind = Step.ActionKind.valueOf(text.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        node.report(
            "do",
            "unknown action '" + text.get() + "' (known: export, forget, pause, resume, sos)");
      }
    }
    Map<String, String> args = new LinkedHashMap<>();
    node.map("args")
        .ifPresent(map -> map.keys().forEach(k -> map.string(k).ifPresent(v -> args.put(k, v))));
    if (kind == Step.ActionKind.PAUSE) {
      String days = args.get("days");
      if (days == null || !days.matches("\\d{1,3}")) {
        node.report(what + " pauses and needs 'args: {days: N}' (0 for until resumed)");
      }
    }
    return new Step.Action(id, kind, args, next(node, what));
  }
}
