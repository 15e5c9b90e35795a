package org.evenkeel.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Outbound;

/**
 * An {@link Outbound} shared by several instances that keeps every message sent: to whom, in which
 * lane, and when by the instances' clock. Thread-safe.
 */
public final class CheckinLog implements Outbound {

  /** One message sent. */
  public record Sent(ConversationAddress to, String text, Lane lane, Instant at) {}

  private final Clock clock;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

  public CheckinLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    for (Effect effect : effects) {
      if (effect instanceof SendMessage m) {
        sent.add(new Sent(to, m.text().plainText(), lane, clock.instant()));
      }
    }
  }

  /** Removes and returns what was sent so far. */
  public List<Sent> drain() {
    List<Sent> out = new ArrayList<>();
    for (Sent s = sent.poll(); s != null; s = sent.poll()) {
      out.add(s);
    }
    return out;
  }

  /** Of {@code messages}, those that read {@code text}. */
  public static List<Sent> reading(List<Sent> messages, String text) {
    return messages.stream().filter(s -> s.text().equals(text)).toList();
  }

  /** How many of {@code messages} each conversation got. */
  public static Map<String, Long> perConversation(List<Sent> messages) {
    return messages.stream()
        .collect(Collectors.groupingBy(s -> s.to().key(), Collectors.counting()));
  }

  /** How many of {@code messages} went in each lane. */
  public static Map<Lane, Long> perLane(List<Sent> messages) {
    return messages.stream().collect(Collectors.groupingBy(Sent::lane, Collectors.counting()));
  }
}
