package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.INVALID_CHOICE;
import static org.evenkeel.core.content.RequiredMessages.INVALID_SCALE;
import static org.evenkeel.core.content.RequiredMessages.PACE_BUSY;
import static org.evenkeel.core.content.RequiredMessages.SLOWER;
import static org.evenkeel.core.content.RequiredMessages.STOP;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.content.Flow;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.FlowPosition.PaceProgress;
import org.evenkeel.core.safety.NormalizedText;
import org.evenkeel.core.safety.TextNormalizer;
import org.evenkeel.core.schedule.QuietHours;
import org.evenkeel.core.text.FormattedText;

/**
 * Interprets flows: enters steps, runs the ones that do not wait, and handles the member's answer,
 * button or timer at the step that waits.
 */
final class FlowRunner {

  /** More steps than this in one turn means a loop the validator missed: stop rather than spin. */
  private static final int STEP_LIMIT = 64;

  static final String DONE_ID = "done";
  static final String STOP_ID = "stop";
  static final String SLOWER_ID = "slower";

  private final Engine engine;

  FlowRunner(Engine engine) {
    this.engine = engine;
  }

  /** Ends any flow in progress and starts {@code flow} from its first step. */
  void start(Turn turn, Flow flow) {
    turn.endFlow();
    turn.position(
        Optional.of(FlowPosition.start(flow.id(), flow.hash(), flow.startStep().id(), 0)));
    go(turn, flow, new Target.ToStep(flow.startStep().id()));
  }

  /** Follows {@code target}, running steps until one waits for the member or the flow ends. */
  void go(Turn turn, Flow flow, Target target) {
    Flow current = flow;
    Target next = target;
    for (int i = 0; i < STEP_LIMIT; i++) {
      if (next instanceof Target.End) {
        turn.endFlow();
        return;
      }
      if (next instanceof Target.ToFlow to) {
        Flow other = engine.flow(turn, to.flowId());
        turn.endFlow();
        turn.position(
            Optional.of(FlowPosition.start(other.id(), other.hash(), other.startStep().id(), 0)));
        current = other;
        next = new Target.ToStep(other.startStep().id());
        continue;
      }
      String stepId = ((Target.ToStep) next).stepId();
      Step step =
          current.step(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
      FlowPosition position = turn.position().orElseThrow();
      turn.position(Optional.of(position.atStep(stepId, turn.nextStepSeq())));
      Optional<Target> after = enter(turn, step);
      if (after.isEmpty()) {
        return;
      }
      next = after.get();
    }
    throw new IllegalStateException(
        "flow " + current.id() + " ran " + STEP_LIMIT + " steps in one turn");
  }

  /** Runs a step's entry; returns where to go next, or empty when the step now waits. */
  private Optional<Target> enter(Turn turn, Step step) {
    if (step instanceof Step.Say say) {
      say.say().forEach(turn::say);
      return Optional.of(say.next());
    } else if (step instanceof Step.AskText ask) {
      Buttons.textPrompt(turn, ask.say(), textButtons(turn, ask));
      return Optional.empty();
    } else if (step instanceof Step.AskChoice ask) {
      Buttons.prompt(turn, ask.say(), Buttons.choiceButtons(turn, ask));
      return Optional.empty();
    } else if (step instanceof Step.AskScale ask) {
      Buttons.prompt(turn, ask.say(), Buttons.scaleButtons(turn, ask));
      return Optional.empty();
    } else if (step instanceof Step.Wait wait) {
      if (wait.typing()) {
        turn.add(new ShowTyping());
      }
      setPacingTimer(turn, "w" + Buttons.seq(turn), wait.duration());
      return Optional.empty();
    } else if (step instanceof Step.Pace pace) {
      PaceProgress progress = new PaceProgress(1, 0, 1.0, "pace-" + Buttons.seq(turn));
      turn.add(
          new SendMessage(
              phaseText(turn, pace, progress),
              Buttons.controls(turn, pace),
              Optional.of(progress.messageRef())));
      schedulePhase(turn, pace, progress);
      return Optional.empty();
    } else if (step instanceof Step.Branch branch) {
      var vars = turn.position().orElseThrow().vars();
      return Optional.of(
          branch.cases().stream()
              .filter(c -> c.condition().test(vars))
              .map(Step.Case::next)
              .findFirst()
              .orElse(branch.otherwise()));
    } else if (step instanceof Step.Save save) {
      StepEffects.save(turn, save);
      return Optional.of(save.next());
    } else if (step instanceof Step.Profile profile) {
      StepEffects.applyProfile(turn, profile);
      return Optional.of(profile.next());
    } else if (step instanceof Step.Timer timer) {
      StepEffects.namedTimer(turn, timer);
      return Optional.of(timer.next());
    } else if (step instanceof Step.Action action) {
      return Optional.of(StepEffects.act(turn, action));
    } else if (step instanceof Step.End end) {
      end.say().forEach(turn::say);
      turn.endFlow();
      return Optional.empty();
    }
    throw new IllegalStateException("unhandled step type " + step.getClass().getSimpleName());
  }

  // ---- answers at a waiting step ----

  void onText(Turn turn, Flow flow, Step step, NormalizedText message) {
    String text = message.original();
    if (step instanceof Step.AskText ask) {
      if (ask.optional() && comparable(message).equals(comparable(turn.label(ask.doneLabel())))) {
        go(turn, flow, ask.next()); // the button's label typed out: "skip" is not an answer
      } else {
        answerText(turn, flow, ask, text);
      }
    } else if (step instanceof Step.AskChoice ask) {
      matchChoice(turn, ask, message)
          .ifPresentOrElse(
              option -> choose(turn, flow, ask, option),
              () -> turn.say(INVALID_CHOICE, Buttons.choiceButtons(turn, ask)));
    } else if (step instanceof Step.AskScale ask) {
      Answers.scale(text, ask.min(), ask.max())
          .ifPresentOrElse(
              value -> chooseScale(turn, flow, ask, value),
              () ->
                  turn.add(
                      SendMessage.withChoices(
                          turn.text(
                              INVALID_SCALE,
                              Map.of(
                                  "min",
                                  Integer.toString(ask.min()),
                                  "max",
                                  Integer.toString(ask.max()))),
                          Buttons.scaleButtons(turn, ask))));
    } else if (step instanceof Step.Wait wait) {
      // The member is ready before the pause is over: go on now.
      cancelPending(turn);
      go(turn, flow, wait.next());
    } else if (step instanceof Step.Pace pace) {
      // Compared like typed choices, so "Stop!" stops as well as "stop".
      String typed = comparable(message);
      if (pace.controls().contains(Step.Control.STOP)
          && typed.equals(comparable(turn.label(STOP)))) {
        stopPace(turn, flow, pace);
      } else if (pace.controls().contains(Step.Control.SLOWER)
          && typed.equals(comparable(turn.label(SLOWER)))) {
        slowPace(turn, pace);
      } else {
        turn.say(PACE_BUSY);
      }
    } else {
      throw new IllegalStateException("step " + step.id() + " does not wait for answers");
    }
  }

  /** Returns false when the button does not belong to this step (forged or from another step). */
  boolean onButton(Turn turn, Flow flow, Step step, String id) {
    if (step instanceof Step.AskText ask && ask.optional() && id.equals(DONE_ID)) {
      go(turn, flow, ask.next());
      return true;
    } else if (step instanceof Step.AskChoice ask) {
      Optional<Step.ChoiceOption> option =
          ask.choices().stream().filter(c -> c.id().equals(id)).findFirst();
      option.ifPresent(o -> choose(turn, flow, ask, o));
      return option.isPresent();
    } else if (step instanceof Step.AskScale ask) {
      Optional<Integer> value =
          Answers.scale(id, ask.min(), ask.max()).filter(v -> id.equals(v.toString()));
      value.ifPresent(v -> chooseScale(turn, flow, ask, v));
      return value.isPresent();
    } else if (step instanceof Step.Pace pace) {
      if (id.equals(STOP_ID) && pace.controls().contains(Step.Control.STOP)) {
        stopPace(turn, flow, pace);
        return true;
      }
      if (id.equals(SLOWER_ID) && pace.controls().contains(Step.Control.SLOWER)) {
        slowPace(turn, pace);
        return true;
      }
    }
    return false;
  }

  /** The step's own pacing timer came due. */
  void onTimer(Turn turn, Flow flow, Step step) {
    turn.position(turn.position().map(p -> p.withPendingTimer(Optional.empty())));
    if (step instanceof Step.Wait wait) {
      go(turn, flow, wait.next());
    } else if (step instanceof Step.Pace pace) {
      PaceProgress progress =
          turn.position().orElseThrow().pace().orElseThrow().next(pace.phases().size());
      if (progress.round() > pace.rounds()) {
        PaceProgress last = turn.position().orElseThrow().pace().orElseThrow();
        turn.add(new EditMessage(last.messageRef(), phaseText(turn, pace, last), List.of()));
        go(turn, flow, pace.next());
      } else {
        turn.add(
            new EditMessage(
                progress.messageRef(),
                phaseText(turn, pace, progress),
                Buttons.controls(turn, pace)));
        schedulePhase(turn, pace, progress);
      }
    }
  }

  /** A named timer set by a {@code timer} step came due. */
  void onNamedTimer(Turn turn, Flow flow, String timer, String fireStep) {
    cancelPending(turn);
    turn.position(turn.position().map(p -> p.withNamedTimer(timer, Optional.empty())));
    go(turn, flow, new Target.ToStep(fireStep));
  }

  // ---- step mechanics ----

  private void answerText(Turn turn, Flow flow, Step.AskText ask, String text) {
    String answer = text.strip();
    Map<String, String> extra = new java.util.LinkedHashMap<>();
    switch (ask.expect()) {
      case ZONE -> {
        Optional<ZoneId> zone = Answers.zone(answer);
        if (zone.isEmpty()) {
          reask(turn, ask);
          return;
        }
        answer = zone.get().getId();
        extra.put(
            "_local",
            turn.now.atZone(zone.get()).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
      }
      case TIME -> {
        Optional<LocalTime> time = Answers.time(answer);
        if (time.isEmpty()) {
          reask(turn, ask);
          return;
        }
        answer = time.get().format(DateTimeFormatter.ofPattern("HH:mm"));
      }
      case COUNTRY -> {
        Optional<String> country = Answers.country(answer);
        if (country.isEmpty()) {
          reask(turn, ask);
          return;
        }
        answer = country.get();
      }
      case DAYS -> {
        Optional<Set<DayOfWeek>> days = Answers.days(answer, turn.locale());
        if (days.isEmpty()) {
          reask(turn, ask);
          return;
        }
        answer = Answers.daysCode(days.get());
      }
      case QUIET_HOURS -> {
        Optional<Optional<QuietHours>> quiet = Answers.quietHours(answer);
        if (quiet.isEmpty()) {
          reask(turn, ask);
          return;
        }
        answer = quiet.get().map(Answers::quietCode).orElse("none");
      }
      case TEXT -> {}
    }
    if (ask.var().isPresent()) {
      String var = ask.var().get();
      String value = answer;
      turn.position(turn.position().map(p -> p.withVar(var, value)));
      extra.forEach(
          (suffix, v) -> turn.position(turn.position().map(p -> p.withVar(var + suffix, v))));
    }
    go(turn, flow, ask.next());
  }

  private static List<Choice> textButtons(Turn turn, Step.AskText ask) {
    return ask.optional() ? List.of(Buttons.button(turn, ask.doneLabel(), DONE_ID)) : List.of();
  }

  /** An answer that does not fit: says why, and asks again as the step did. */
  private static void reask(Turn turn, Step.AskText ask) {
    Buttons.textPrompt(turn, List.of(ask.invalid().orElseThrow()), textButtons(turn, ask));
  }

  private void choose(Turn turn, Flow flow, Step.AskChoice ask, Step.ChoiceOption option) {
    ask.var()
        .ifPresent(
            var -> turn.position(turn.position().map(p -> p.withVar(var, option.savedValue()))));
    go(turn, flow, option.next());
  }

  private void chooseScale(Turn turn, Flow flow, Step.AskScale ask, int value) {
    ask.var()
        .ifPresent(
            var ->
                turn.position(turn.position().map(p -> p.withVar(var, Integer.toString(value)))));
    go(turn, flow, ask.next());
  }

  /** A typed choice: its number as shown, or its label (ignoring case, accents and punctuation). */
  private Optional<Step.ChoiceOption> matchChoice(
      Turn turn, Step.AskChoice ask, NormalizedText message) {
    String text = message.original();
    String typed = comparable(message);
    Optional<Integer> number =
        Answers.scale(text, 1, ask.choices().size()).filter(n -> typed.equals(n.toString()));
    if (number.isPresent()) {
      return Optional.of(ask.choices().get(number.get() - 1));
    }
    return ask.choices().stream()
        .filter(c -> !typed.isEmpty() && saysOption(turn, c, typed))
        .findFirst();
  }

  private static boolean saysOption(Turn turn, Step.ChoiceOption option, String typed) {
    if (comparable(turn.label(option.label())).equals(typed)) {
      return true;
    }
    return option.also().stream()
        .flatMap(key -> java.util.Arrays.stream(turn.label(key).split(",")))
        .anyMatch(alias -> comparable(alias).equals(typed));
  }

  /** Text as compared with labels: normalised, without punctuation. */
  static String comparable(String text) {
    return withoutPunctuation(TextNormalizer.normalize(text));
  }

  /** {@link #comparable(String)} for text the turn has normalised already. */
  static String comparable(NormalizedText text) {
    return withoutPunctuation(text.normalized());
  }

  private static String withoutPunctuation(String normalized) {
    return normalized.replaceAll("[^\\p{L}\\p{N} ]", "").strip();
  }

  private FormattedText phaseText(Turn turn, Step.Pace pace, PaceProgress progress) {
    Step.Phase phase = pace.phases().get(progress.phase());
    return turn.text(
        phase.say(),
        Map.of(
            "round", Integer.toString(Math.min(progress.round(), pace.rounds())),
            "rounds", Integer.toString(pace.rounds()),
            "seconds",
                Long.toString(
                    Math.round(scaled(phase.duration(), progress.scale()).toMillis() / 1000.0))));
  }

  private void schedulePhase(Turn turn, Step.Pace pace, PaceProgress progress) {
    turn.position(turn.position().map(p -> p.withPace(Optional.of(progress))));
    Duration duration = scaled(pace.phases().get(progress.phase()).duration(), progress.scale());
    setPacingTimer(
        turn,
        Buttons.seq(turn)
            + "."
            + progress.round()
            + "."
            + progress.phase()
            + "."
            + Math.round(progress.scale() * 100),
        duration);
  }

  private static Duration scaled(Duration duration, double scale) {
    return Duration.ofMillis(Math.round(duration.toMillis() * scale));
  }

  /** Sets the exercise's pacing timer, named {@link StartTimer#PACING_PREFIX} + {@code suffix}. */
  private void setPacingTimer(Turn turn, String suffix, Duration after) {
    String name = StartTimer.PACING_PREFIX + suffix;
    cancelPending(turn);
    turn.add(new StartTimer(name, turn.now.plus(after), true));
    turn.position(turn.position().map(p -> p.withPendingTimer(Optional.of(name))));
  }

  private void cancelPending(Turn turn) {
    turn.position()
        .flatMap(FlowPosition::pendingTimer)
        .ifPresent(
            t -> {
              turn.add(new CancelTimer(t));
              turn.position(turn.position().map(p -> p.withPendingTimer(Optional.empty())));
            });
  }

  private void stopPace(Turn turn, Flow flow, Step.Pace pace) {
    cancelPending(turn);
    PaceProgress progress = turn.position().orElseThrow().pace().orElseThrow();
    turn.add(new EditMessage(progress.messageRef(), phaseText(turn, pace, progress), List.of()));
    go(turn, flow, pace.onStop());
  }

  private void slowPace(Turn turn, Step.Pace pace) {
    PaceProgress slower = turn.position().orElseThrow().pace().orElseThrow();
    slower = slower.withScale(Math.min(slower.scale() * pace.slowerFactor(), 4.0));
    // Restart the current phase at the slower pace, so the member sees the change at once.
    turn.add(
        new EditMessage(
            slower.messageRef(), phaseText(turn, pace, slower), Buttons.controls(turn, pace)));
    schedulePhase(turn, pace, slower);
  }
}
