package org.evenkeel.core.engine;

import static org.evenkeel.core.text.Checks.require;

import java.time.Duration;
import org.evenkeel.core.schedule.SchedulingSettings;

/**
 * Tunables of the engine.
 *
 * @param maxTextLength longest message read, in characters; longer ones are screened for safety and
 *     then politely declined (Telegram's own message limit is 4,096)
 * @param crisisRepeatWindow after a crisis card, further hits within this window get a short
 *     reminder instead of the whole card again
 * @param intentThreshold lowest confidence at which a guessed intent is acted on
 * @param checkins jitter, grace window and follow-up of the daily check-ins
 */
public record EngineSettings(
    int maxTextLength,
    Duration crisisRepeatWindow,
    double intentThreshold,
    SchedulingSettings checkins) {

  public static final EngineSettings DEFAULTS =
      new EngineSettings(4000, Duration.ofMinutes(10), 0.5, SchedulingSettings.DEFAULTS);

  /** Settings with the daily check-ins' defaults. */
  public EngineSettings(int maxTextLength, Duration crisisRepeatWindow, double intentThreshold) {
    this(maxTextLength, crisisRepeatWindow, intentThreshold, SchedulingSettings.DEFAULTS);
  }

  public EngineSettings {
    require(maxTextLength >= 100, "maxTextLength must be at least 100 but was " + maxTextLength);
    require(!crisisRepeatWindow.isNegative(), "crisisRepeatWindow must not be negative");
    require(
        intentThreshold > 0 && intentThreshold <= 1,
        "intentThreshold must be in (0, 1] but was " + intentThreshold);
    require(checkins != null, "checkins settings are required");
  }
}
