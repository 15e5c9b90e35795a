package org.evenkeel.core.content;

import java.util.Locale;
import java.util.Optional;

/** Kinds of danger the crisis screen recognises. */
public enum CrisisCategory {
  EXPLICIT_IDEATION,
  PASSIVE_IDEATION,
  PLAN_OR_MEANS,
  FAREWELL,
  SELF_HARM,
  OVERDOSE,
  MEDICAL_EMERGENCY,
  HARM_OTHERS,
  ABUSE_UNSAFE;

  /** The category's spelling in content files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CrisisCategory> fromId(String id) {
    for (CrisisCategory c : values()) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
