package org.evenkeel.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Short ways to write the instants and dates of a test. */
final class Times {

  /** A planner without jitter, so that due instants can be written out exactly. */
  static final CheckinPlanner EXACT =
      new CheckinPlanner(SchedulingSettings.DEFAULTS.withMaxJitter(Duration.ZERO));

  private Times() {}

  /** An instant written with its offset, {@code 2026-06-10T09:00+02:00}. */
  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static LocalDate date(String isoDate) {
    return LocalDate.parse(isoDate);
  }
}
