package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireToken;

/**
 * A member of Evenkeel on one platform.
 *
 * @param platform short platform name
 * @param userId the platform's opaque user id
 */
public record MemberId(String platform, String userId) {

  public MemberId {
    requireToken(platform, "platform");
    requireToken(userId, "userId");
  }

  /** A stable string key, unique per member. */
  public String key() {
    return platform + ":" + userId;
  }
}
