package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A member's count of time in recovery from one thing ("alcohol", "nicotine"), kept privately or
 * for one server. Only the facts are stored; the days of the current run follow from {@link #start}
 * in the member's time zone when they are shown.
 *
 * @param scope where the counter is kept: {@link #PRIVATE} for the member's own, else the id of the
 *     server (a Telegram group, a Discord guild) it belongs to
 * @param name what is counted, as the member named it: 1–32 letters, digits, {@code -} or {@code _}
 * @param start when the current run started
 * @param countFromDayOne whether the day the run started is day 1 (else day 0)
 * @param longestDays the longest run before the current one, in whole days
 * @param pastDays the days of every run before the current one, together
 */
public record MilestoneCounter(
    String scope,
    String name,
    Instant start,
    boolean countFromDayOne,
    long longestDays,
    long pastDays) {

  /** The scope of a counter that belongs to no server. */
  public static final String PRIVATE = "";

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}");
  private static final Pattern SCOPE = Pattern.compile("[^\\s:]{0,64}");

  public MilestoneCounter {
    requireValue(scope, "scope");
    requireValue(name, "name");
    requireValue(start, "start");
    require(
        SCOPE.matcher(scope).matches(),
        "counter scope must be a server id without spaces or ':' but was '" + scope + "'");
    require(
        NAME.matcher(name).matches(),
        "counter name must be 1-32 letters, digits, '-' or '_' but was '" + name + "'");
    require(longestDays >= 0, "longestDays must not be negative but was " + longestDays);
    require(pastDays >= longestDays, "pastDays must be at least longestDays");
  }

  /** The counter's identity within its member: scope and name. */
  public String key() {
    return scope + ":" + name;
  }
}
