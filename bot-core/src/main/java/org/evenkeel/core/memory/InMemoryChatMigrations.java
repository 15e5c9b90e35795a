package org.evenkeel.core.memory;

import java.util.HashMap;
import java.util.Map;
import org.evenkeel.core.port.ChatMigrations;

/** Chat migrations in this process's memory, for one instance (a bot without Redis, tests). */
public final class InMemoryChatMigrations implements ChatMigrations {

  private final Map<String, String> stateIds = new HashMap<>();
  private final Map<String, String> sendIds = new HashMap<>();

  @Override
  public synchronized void moved(String platform, String from, String to) {
    if (from.equals(to)) {
      throw new IllegalArgumentException("a chat cannot move to its own id " + from);
    }
    String state = stateId(platform, from);
    stateIds.put(platform + ":" + to, state);
    sendIds.put(platform + ":" + state, to);
  }

  @Override
  public synchronized String stateId(String platform, String chatId) {
    return stateIds.getOrDefault(platform + ":" + chatId, chatId);
  }

  @Override
  public synchronized String sendId(String platform, String stateId) {
    return sendIds.getOrDefault(platform + ":" + stateId, stateId);
  }
}
