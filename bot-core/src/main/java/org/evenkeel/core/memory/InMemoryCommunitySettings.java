package org.evenkeel.core.memory;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.evenkeel.core.port.CommunitySettings;

/** Community settings in this process's memory, for one instance (a bot without Redis, tests). */
public final class InMemoryCommunitySettings implements CommunitySettings {

  private final Map<String, Map<Setting, String>> byCommunity = new HashMap<>();

  @Override
  public synchronized Map<Setting, String> read(String platform, String communityId) {
    Map<Setting, String> found = byCommunity.get(key(platform, communityId));
    return found == null ? Map.of() : Map.copyOf(found);
  }

  @Override
  public synchronized void put(String platform, String communityId, Setting setting, String value) {
    requireValue(setting, "setting");
    requireValue(value, "value");
    byCommunity
        .computeIfAbsent(key(platform, communityId), k -> new EnumMap<>(Setting.class))
        .put(setting, value);
  }

  @Override
  public synchronized void clear(String platform, String communityId, Setting setting) {
    Map<Setting, String> found = byCommunity.get(key(platform, communityId));
    if (found != null) {
      found.remove(setting);
    }
  }

  private static String key(String platform, String communityId) {
    return requireValue(platform, "platform") + ":" + requireValue(communityId, "communityId");
  }
}
