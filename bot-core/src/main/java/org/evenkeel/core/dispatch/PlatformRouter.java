package org.evenkeel.core.dispatch;

import java.util.List;
import java.util.Map;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Outbound;

/** Sends each conversation's effects through the adapter of its platform. */
public final class PlatformRouter implements Outbound {

  private final Map<String, Outbound> byPlatform;

  /**
   * {@code byPlatform} maps platform names ({@link ConversationAddress#platform()}) to adapters.
   */
  public PlatformRouter(Map<String, Outbound> byPlatform) {
    this.byPlatform = Map.copyOf(byPlatform);
  }

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    Outbound outbound = byPlatform.get(to.platform());
    if (outbound == null) {
      throw new IllegalStateException("no adapter for platform '" + to.platform() + "'");
    }
    outbound.deliver(to, effects, lane);
  }
}
