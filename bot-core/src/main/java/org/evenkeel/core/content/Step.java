package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.model.JournalEntry;

/**
 * One step of a flow, as written in content. Steps are immutable; the engine interprets them. Every
 * step has a stable {@link #id()} that sessions store.
 */
public sealed interface Step {

  /** The step's stable id, unique within its flow. */
  String id();

  /** Every target this step may go to, for validation. */
  List<Target> targets();

  /** Sends messages and moves on. */
  record Say(String id, List<String> say, Target next) implements Step {
    public Say {
      say = List.copyOf(say);
    }

    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** Asks for free text. */
  record AskText(
      String id,
      List<String> say,
      Optional<String> var,
      boolean optional,
      String doneLabel,
      Expect expect,
      Optional<String> invalid,
      Target next)
      implements Step {
    public AskText {
      say = List.copyOf(say);
      requireValue(expect, "expect");
    }

    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** What an {@link AskText} answer must look like. */
  enum Expect {
    TEXT,
    ZONE,
    TIME,
    COUNTRY,
    DAYS,
    QUIET_HOURS
  }

  /** Asks the member to pick one of several buttons. */
  record AskChoice(String id, List<String> say, Optional<String> var, List<ChoiceOption> choices)
      implements Step {
    public AskChoice {
      say = List.copyOf(say);
      choices = List.copyOf(choices);
    }

    @Override
    public List<Target> targets() {
      return choices.stream().map(ChoiceOption::next).toList();
    }
  }

  /**
   * One option of an {@link AskChoice}.
   *
   * @param also message key of other ways to say this option, comma-separated ("yes, yeah, yep")
   */
  record ChoiceOption(
      String id, String label, Target next, Optional<String> value, Optional<String> also) {
    /** What the step's {@code var} receives when this option is chosen. */
    public String savedValue() {
      return value.orElse(id);
    }
  }

  /** Asks for a number on a scale, offered as buttons. */
  record AskScale(
      String id,
      List<String> say,
      Optional<String> var,
      int min,
      int max,
      Optional<String> minLabel,
      Optional<String> maxLabel,
      Target next)
      implements Step {
    public AskScale {
      say = List.copyOf(say);
    }

    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** Pauses, with a typing indicator, then moves on. */
  record Wait(String id, Duration duration, boolean typing, Target next) implements Step {
    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** A paced exercise: phases repeated for some rounds, one message edited on a timer. */
  record Pace(
      String id,
      List<Phase> phases,
      int rounds,
      Set<Control> controls,
      double slowerFactor,
      Target next,
      Target onStop)
      implements Step {
    public Pace {
      phases = List.copyOf(phases);
      controls = Set.copyOf(controls);
    }

    @Override
    public List<Target> targets() {
      return List.of(next, onStop);
    }
  }

  /** One phase of a {@link Pace}: what to show and for how long. */
  record Phase(String say, Duration duration) {}

  /** Buttons offered while pacing. */
  enum Control {
    STOP,
    SLOWER
  }

  /** Chooses the next step from saved answers. */
  record Branch(String id, List<Case> cases, Target otherwise) implements Step {
    public Branch {
      cases = List.copyOf(cases);
    }

    @Override
    public List<Target> targets() {
      return java.util.stream.Stream.concat(
              cases.stream().map(Case::next), java.util.stream.Stream.of(otherwise))
          .toList();
    }
  }

  /** One case of a {@link Branch}. */
  record Case(Condition condition, Target next) {}

  /** Writes to the member's journal. */
  record Save(
      String id, JournalEntry.Kind journal, String text, Optional<String> moodVar, Target next)
      implements Step {
    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** Copies answers into the member's settings. */
  record Profile(String id, Map<Setting, String> set, Target next) implements Step {
    public Profile {
      set = Map.copyOf(set);
    }

    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** Member settings a {@link Profile} step may set. */
  enum Setting {
    LOCALE,
    COUNTRY,
    ZONE,
    CHECKIN_TIME,
    CHECKIN_DAYS,
    QUIET_HOURS,
    CONSENT
  }

  /** Sets or cancels a named timer. */
  record Timer(
      String id,
      boolean set,
      String name,
      Optional<Duration> after,
      Optional<String> fire,
      Target next)
      implements Step {
    @Override
    public List<Target> targets() {
      return fire.<Target>map(Target.ToStep::new).map(t -> List.of(next, t)).orElse(List.of(next));
    }
  }

  /** Asks the engine to do something outside the flow. */
  record Action(String id, ActionKind action, Map<String, String> args, Target next)
      implements Step {
    public Action {
      args = Map.copyOf(args);
    }

    @Override
    public List<Target> targets() {
      return List.of(next);
    }
  }

  /** What an {@link Action} step may ask for. */
  enum ActionKind {
    FORGET,
    EXPORT,
    SOS,
    PAUSE,
    RESUME
  }

  /** Ends the flow. */
  record End(String id, List<String> say) implements Step {
    public End {
      say = List.copyOf(say);
    }

    @Override
    public List<Target> targets() {
      return List.of();
    }
  }
}
