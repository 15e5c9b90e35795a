package org.evenkeel.discord;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.StoreUnavailableException;

/**
 * The live interaction of each conversation: here for this instance, and in the shared {@link
 * MessageRefs} for the others (the turn may be delivered by another instance). A shared store out
 * of reach costs only the other instances' view: this one keeps answering from its own map.
 *
 * <p>This instance's own entry is read first. It is never older than the shared one: all of a
 * conversation's interactions arrive on one shard (DMs on shard 0, a server's on its shard), and
 * each shard runs on one instance ({@link ShardLeases}), which remembers them here first.
 */
public final class Interactions {

  /** Entries are dropped when read expired, and in a sweep once the map grows past this. */
  private static final int SWEEP_ABOVE = 10_000;

  private final MessageRefs refs;
  private final Clock clock;
  private final Map<String, LiveInteraction> local = new ConcurrentHashMap<>();

  public Interactions(MessageRefs refs, Clock clock) {
    this.refs = refs;
    this.clock = clock;
  }

  void remember(ConversationAddress conversation, LiveInteraction interaction) {
    local.put(conversation.key(), interaction);
    if (local.size() > SWEEP_ABOVE) {
      local.values().removeIf(i -> !i.usableAt(clock.instant()));
    }
    try {
      refs.remember(conversation, LiveInteraction.REF, interaction.encode());
    } catch (StoreUnavailableException e) {
      // this instance still answers through it; see the class comment
    }
  }

  /** The conversation's interaction while Discord still accepts answers through it. */
  Optional<LiveInteraction> live(ConversationAddress conversation) {
    Optional<LiveInteraction> found = Optional.ofNullable(local.get(conversation.key()));
    if (found.isEmpty()) {
      try {
        found = refs.recall(conversation, LiveInteraction.REF).flatMap(LiveInteraction::decode);
      } catch (StoreUnavailableException e) {
        return Optional.empty();
      }
    }
    if (found.isPresent() && !found.get().usableAt(clock.instant())) {
      local.remove(conversation.key());
      return Optional.empty();
    }
    return found;
  }
}
