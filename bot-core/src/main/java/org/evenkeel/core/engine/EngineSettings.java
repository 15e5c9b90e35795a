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
 * @param retention how long an inactive member's data is kept, and the warning before it goes
 */
public record EngineSettings(
    int maxTextLength,
    Duration crisisRepeatWindow,
    double intentThreshold,
    SchedulingSettings checkins,
    Retention retention) {

  public static final EngineSettings DEFAULTS =
      new EngineSettings(
          4000, Duration.ofMinutes(10), 0.5, SchedulingSettings.DEFAULTS, Retention.KEEP);

  /** Settings keeping members' data until they delete it. */
  public EngineSettings(
      int maxTextLength,
      Duration crisisRepeatWindow,
      double intentThreshold,
      SchedulingSettings checkins) {
    this(maxTextLength, crisisRepeatWindow, intentThreshold, checkins, Retention.KEEP);
  }

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
    require(retention != null, "retention settings are required");
  }

  /** These settings with {@code value} as the retention period. */
  public EngineSettings withRetention(Retention value) {
    return new EngineSettings(maxTextLength, crisisRepeatWindow, intentThreshold, checkins, value);
  }

  /**
   * How long a member's data is kept after they last wrote.
   *
   * @param inactiveAfter data of a member silent this long is deleted; zero keeps it until they
   *     delete it themselves
   * @param warning how long before that the member is told, and can keep it by writing
   */
  public record Retention(Duration inactiveAfter, Duration warning) {

    /** Keep everything until the member deletes it. */
    public static final Retention KEEP = new Retention(Duration.ZERO, Duration.ofDays(14));

    public Retention {
      require(inactiveAfter != null && warning != null, "retention durations are required");
      require(!inactiveAfter.isNegative(), "retention must not be negative");
      require(!warning.isNegative() && !warning.isZero(), "the retention warning must be positive");
      require(
          inactiveAfter.isZero() || warning.compareTo(inactiveAfter) < 0,
          "the retention warning ("
              + warning.toDays()
              + " days) must come before the data goes ("
              + inactiveAfter.toDays()
              + " days)");
    }

    /** Whether inactive members' data is deleted at all. */
    public boolean deletes() {
      return !inactiveAfter.isZero();
    }
  }
}
