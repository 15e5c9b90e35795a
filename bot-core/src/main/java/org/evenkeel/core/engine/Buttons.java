package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.ANSWER;
import static org.evenkeel.core.content.RequiredMessages.SLOWER;
import static org.evenkeel.core.content.RequiredMessages.STOP;

import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.SendMessage;

/** The buttons a step offers, and the payloads that tie each button to the step it belongs to. */
final class Buttons {

  private Buttons() {}

  static void prompt(Turn turn, List<String> keys, List<Choice> buttons) {
    for (int i = 0; i < keys.size(); i++) {
      boolean last = i == keys.size() - 1;
      turn.add(SendMessage.withChoices(turn.text(keys.get(i)), last ? buttons : List.of()));
    }
  }

  /** Like {@link #prompt}, the last message asking for a typed answer ({@link ANSWER}). */
  static void textPrompt(Turn turn, List<String> keys, List<Choice> buttons) {
    for (int i = 0; i < keys.size(); i++) {
      SendMessage message = SendMessage.text(turn.text(keys.get(i)));
      if (i == keys.size() - 1) {
        message =
            SendMessage.withChoices(message.text(), buttons).askingForText(turn.label(ANSWER));
      }
      turn.add(message);
    }
  }

  static Choice button(Turn turn, String labelKey, String id) {
    return new Choice(turn.label(labelKey), payload(turn, id));
  }

  /** Button payloads name the step instance they belong to: {@code s<seq>.<id>}. */
  static String payload(Turn turn, String id) {
    return "s" + Long.toString(seq(turn), 36) + "." + id;
  }

  static long seq(Turn turn) {
    return turn.position().orElseThrow().stepSeq();
  }

  static List<Choice> choiceButtons(Turn turn, Step.AskChoice ask) {
    return ask.choices().stream().map(c -> button(turn, c.label(), c.id())).toList();
  }

  static List<Choice> scaleButtons(Turn turn, Step.AskScale ask) {
    List<Choice> buttons = new ArrayList<>();
    for (int v = ask.min(); v <= ask.max(); v++) {
      String label = Integer.toString(v);
      if (v == ask.min() && ask.minLabel().isPresent()) {
        label += " · " + turn.label(ask.minLabel().get());
      } else if (v == ask.max() && ask.maxLabel().isPresent()) {
        label += " · " + turn.label(ask.maxLabel().get());
      }
      buttons.add(new Choice(label, payload(turn, Integer.toString(v))));
    }
    return buttons;
  }

  static List<Choice> controls(Turn turn, Step.Pace pace) {
    List<Choice> buttons = new ArrayList<>();
    if (pace.controls().contains(Step.Control.STOP)) {
      buttons.add(button(turn, STOP, FlowRunner.STOP_ID));
    }
    if (pace.controls().contains(Step.Control.SLOWER)) {
      buttons.add(button(turn, SLOWER, FlowRunner.SLOWER_ID));
    }
    return buttons;
  }
}
