package org.evenkeel.core.schedule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Days of the week as seven digits 0 or 1, Monday to Sunday ({@code 1111100} for weekdays): how the
 * schedule's text form, the stored profile and the settings answers all write them.
 */
public final class WeekDays {

  private WeekDays() {}

  /** The seven digits of {@code days}. */
  public static String code(Set<DayOfWeek> days) {
    StringBuilder bits = new StringBuilder(7);
    for (DayOfWeek day : DayOfWeek.values()) {
      bits.append(days.contains(day) ? '1' : '0');
    }
    return bits.toString();
  }

  /** The days {@code code} names; empty unless it is seven digits 0 or 1 with at least one 1. */
  public static Optional<Set<DayOfWeek>> parse(String code) {
    if (code == null || !code.matches("[01]{7}")) {
      return Optional.empty();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (code.charAt(day.ordinal()) == '1') {
        days.add(day);
      }
    }
    return days.isEmpty() ? Optional.empty() : Optional.of(days);
  }
}
