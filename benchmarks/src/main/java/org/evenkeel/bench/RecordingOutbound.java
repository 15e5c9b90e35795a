package org.evenkeel.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Outbound;

/**
 * A platform that sends nothing: it counts deliveries and remembers each conversation's latest one,
 * so the simulated member can tap a button it offered (or notice it got no answer).
 */
final class RecordingOutbound implements Outbound {

  /**
   * The latest delivery to a conversation.
   *
   * @param number how many deliveries the conversation has had; 0 before the first
   * @param buttons the buttons this delivery offered (those of its last message that had any)
   * @param earlier the buttons of the latest delivery that offered any: still on screen, and
   *     perhaps still meant ("I'm still pacing the breathing. Tap Stop to finish.")
   */
  record Reply(long number, List<Choice> buttons, List<Choice> earlier) {
    static final Reply NONE = new Reply(0, List.of(), List.of());
  }

  private final Map<String, Reply> latest = new ConcurrentHashMap<>();
  private final LongAdder deliveries = new LongAdder();

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    deliveries.increment();
    List<Choice> offered = List.of();
    for (Effect effect : effects) {
      if (effect instanceof SendMessage message && !message.choices().isEmpty()) {
        offered = message.choices();
      } else if (effect instanceof EditMessage edit && !edit.choices().isEmpty()) {
        offered = edit.choices();
      }
    }
    List<Choice> buttons = offered;
    latest.merge(
        to.key(),
        new Reply(1, buttons, buttons),
        (old, none) ->
            new Reply(old.number() + 1, buttons, buttons.isEmpty() ? old.earlier() : buttons));
  }

  /** The conversation's latest delivery. */
  Reply latest(ConversationAddress conversation) {
    return latest.getOrDefault(conversation.key(), Reply.NONE);
  }

  long deliveries() {
    return deliveries.sum();
  }
}
