package org.evenkeel.core.port;

import java.util.Map;
import java.util.Optional;

/**
 * What a community's admins chose for it (a Discord server, a Telegram group): where milestones are
 * celebrated, which role to alert for safety, the milestone set, the language. Written by the admin
 * command, read by the features that act for the community. Not member data: it names channels and
 * roles, never a member. Implementations are thread-safe; a shared store serves every instance.
 */
public interface CommunitySettings {

  /** The settings a community may have; their stored names are {@link Setting#key()}. */
  enum Setting {
    CELEBRATION_CHANNEL("celebration_channel"),
    SAFETY_ROLE("safety_role"),
    MILESTONE_SET("milestone_set"),
    LANGUAGE("language");

    private final String key;

    Setting(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The setting named {@code key}, if there is one. */
    public static Optional<Setting> of(String key) {
      for (Setting s : values()) {
        if (s.key.equals(key)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Everything set for the community, by setting; empty when nothing is.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  Map<Setting, String> read(String platform, String communityId);

  /**
   * Sets {@code setting} to {@code value} for the community, replacing what it was.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void put(String platform, String communityId, Setting setting, String value);

  /**
   * Clears {@code setting} for the community.
   *
   * @throws StoreUnavailableException when a shared store cannot be reached
   */
  void clear(String platform, String communityId, Setting setting);
}
