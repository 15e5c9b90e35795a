package org.evenkeel.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Outbound;

/** An {@link Outbound} that keeps everything delivered, for assertions. */
public final class RecordingOutbound implements Outbound {

  /** One delivered effect, where it went, and in which lane. */
  public record Delivery(ConversationAddress to, Effect effect, Lane lane) {}

  private final List<Delivery> deliveries = new ArrayList<>();

  @Override
  public synchronized void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    effects.forEach(e -> deliveries.add(new Delivery(to, e, lane)));
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Removes and returns what was delivered so far. */
  public synchronized List<Delivery> drain() {
    List<Delivery> out = List.copyOf(deliveries);
    deliveries.clear();
    return out;
  }
}
