package org.evenkeel.bench.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.Flow;
import org.evenkeel.core.content.RequiredMessages;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.text.FormattedText;

/**
 * The grounding flow ({@code content/flows/ground.yaml}) as a member goes through it once, read
 * from the content the bot runs: the command that starts it, then at each step the member's answer
 * (a text where the step asks for text, a button press where it offers choices), and after each the
 * texts the bot sends, in order, and how long the flow pauses before the last of them.
 *
 * <p>At a choice the member presses the first button that ends the flow, so every round is the same
 * {@link #moves()} and starts again with the command.
 */
final class GroundingScript {

  /** What the member sends. */
  sealed interface Action {
    /** {@code /name}, as a text message with its bot_command entity. */
    record Command(String name) implements Action {}

    /** Free text answering the step's question. */
    record Text() implements Action {}

    /** A press of the button at {@code index} (rows read left to right, top to bottom). */
    record Tap(int index) implements Action {}
  }

  /**
   * One message of the member and what it gets back.
   *
   * @param replies the visible texts of the bot's messages, in order; the member waits for the last
   * @param pause how long the flow waits (its own pacing) before the last reply
   * @param typing whether the bot shows "typing…" during that pause
   */
  record Move(Action action, List<String> replies, Duration pause, boolean typing) {
    Move {
      replies = List.copyOf(replies);
      if (replies.isEmpty()) {
        throw new IllegalArgumentException("a move the bot does not answer: " + action);
      }
    }
  }

  private final List<Move> moves;
  private final String welcome;
  private final Set<String> texts = new HashSet<>();

  private GroundingScript(List<Move> moves, String welcome) {
    this.moves = List.copyOf(moves);
    this.welcome = welcome;
    texts.add(welcome);
    moves.forEach(move -> texts.addAll(move.replies()));
  }

  /** The flow {@code flowId} of {@code content}, in {@code locale}. */
  static GroundingScript of(Content content, String flowId, String locale) {
    Flow flow =
        content
            .flow(flowId)
            .orElseThrow(() -> new IllegalArgumentException("no flow " + flowId + " in content"));
    Walker walker = new Walker(content, flow, locale);
    List<Move> moves = new ArrayList<>();
    String command =
        flow.command().orElseThrow(() -> new IllegalArgumentException(flowId + " has no command"));
    Stop stop = walker.from(flow.startStep());
    moves.add(stop.move(new Action.Command(command)));
    while (!(stop.at() instanceof Step.End) && stop.at() != null) {
      if (stop.at() instanceof Step.AskText ask) {
        stop = walker.from(walker.target(ask.next()));
        moves.add(stop.move(new Action.Text()));
      } else if (stop.at() instanceof Step.AskChoice ask) {
        int index = walker.choiceThatEnds(ask);
        stop = walker.from(walker.target(ask.choices().get(index).next()));
        moves.add(stop.move(new Action.Tap(index)));
      } else {
        throw new IllegalArgumentException(
            "the script cannot answer step " + stop.at().id() + " of " + flowId);
      }
    }
    return new GroundingScript(
        moves, FormattedText.of(walker.text(RequiredMessages.WELCOME)).plainText());
  }

  /** One round of the flow, from the command to its end. */
  List<Move> moves() {
    return moves;
  }

  /** The visible text of the greeting a member's first message gets before anything else. */
  String welcome() {
    return welcome;
  }

  /** Whether {@code text} is one the flow (or the welcome) sends. */
  boolean owes(String text) {
    return texts.contains(text);
  }

  /** Where a walk through steps that need no answer stopped, and what it collected. */
  private record Stop(Step at, List<String> replies, Duration pause, boolean typing) {
    Move move(Action action) {
      return new Move(action, replies, pause, typing);
    }
  }

  /** Follows steps the way the engine enters them, collecting their messages. */
  private record Walker(Content content, Flow flow, String locale) {

    Stop from(Step first) {
      List<String> replies = new ArrayList<>();
      Duration pause = Duration.ZERO;
      boolean typing = false;
      Step step = first;
      for (int guard = 0; step != null; guard++) {
        if (guard > 100) {
          throw new IllegalArgumentException("no question within 100 steps of " + first.id());
        }
        if (step instanceof Step.Say say) {
          say.say().forEach(key -> replies.add(visible(key)));
          step = target(say.next());
        } else if (step instanceof Step.Wait wait) {
          pause = pause.plus(wait.duration());
          typing |= wait.typing();
          step = target(wait.next());
        } else if (step instanceof Step.AskText ask) {
          ask.say().forEach(key -> replies.add(visible(key)));
          return new Stop(step, replies, pause, typing);
        } else if (step instanceof Step.AskChoice ask) {
          ask.say().forEach(key -> replies.add(visible(key)));
          return new Stop(step, replies, pause, typing);
        } else if (step instanceof Step.End end) {
          end.say().forEach(key -> replies.add(visible(key)));
          return new Stop(step, replies, pause, typing);
        } else {
          throw new IllegalArgumentException(
              "the script does not follow " + step.getClass().getSimpleName() + " steps");
        }
      }
      return new Stop(null, replies, pause, typing);
    }

    /** The step {@code target} names; null where the flow simply ends. */
    Step target(Target target) {
      if (target instanceof Target.ToStep to) {
        return flow.step(to.stepId()).orElseThrow();
      }
      if (target instanceof Target.End) {
        return null;
      }
      throw new IllegalArgumentException("the script stays in " + flow.id() + ", not " + target);
    }

    int choiceThatEnds(Step.AskChoice ask) {
      for (int i = 0; i < ask.choices().size(); i++) {
        Target next = ask.choices().get(i).next();
        if (next instanceof Target.ToStep to
            && flow.step(to.stepId()).orElseThrow() instanceof Step.End) {
          return i;
        }
      }
      throw new IllegalArgumentException("no choice of " + ask.id() + " ends " + flow.id());
    }

    String text(String key) {
      return content.messages().get(locale, key);
    }

    private String visible(String key) {
      return FormattedText.of(text(key)).plainText();
    }
  }
}
