package org.evenkeel.core.chart;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's moods over some days, to be drawn as a picture by a {@link MoodChart.Renderer}.
 *
 * @param first the first day shown
 * @param last the last day shown (the member's today)
 * @param moods the mood of each day that has one, 1 to 5, between {@code first} and {@code last}
 * @param locale the member's language, for day names
 * @param title the chart's heading, plain text in the member's language
 */
public record MoodChart(
    LocalDate first,
    LocalDate last,
    SortedMap<LocalDate, Integer> moods,
    String locale,
    String title) {

  public MoodChart {
    requireValue(first, "first");
    requireValue(last, "last");
    requireValue(moods, "moods");
    requireValue(locale, "locale");
    requireValue(title, "title");
    require(!last.isBefore(first), "a chart's last day " + last + " is before its first " + first);
    for (var day : moods.entrySet()) {
      require(
          !day.getKey().isBefore(first) && !day.getKey().isAfter(last),
          "mood of " + day.getKey() + " is outside " + first + " to " + last);
      require(
          day.getValue() >= 1 && day.getValue() <= 5, "a mood is 1 to 5 but was " + day.getValue());
    }
    moods = Collections.unmodifiableSortedMap(new TreeMap<>(moods));
  }

  /** Draws mood charts; the engine falls back to a text sparkline when it cannot. */
  @FunctionalInterface
  public interface Renderer {

    /** No pictures: every chart is shown as text. */
    Renderer NONE =
        chart -> {
          throw new UnsupportedOperationException("no chart renderer configured");
        };

    /**
     * The chart as a PNG image.
     *
     * @throws RuntimeException when it cannot be drawn (the member then gets the text form)
     */
    byte[] png(MoodChart chart);
  }
}
