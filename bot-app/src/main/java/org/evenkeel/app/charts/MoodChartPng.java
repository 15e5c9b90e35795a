package org.evenkeel.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.evenkeel.core.chart.MoodChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws a member's mood chart with JFreeChart: one point a day on a 1–5 scale, lines joining days
 * next to each other and a gap where a day has no check-in, in calm colours on white, as an 800 ×
 * 400 PNG (a few kilobytes). Headless: nothing here needs a display. Dates are drawn in UTC, where
 * a {@link LocalDate} at midnight is exactly that date.
 */
public final class MoodChartPng implements MoodChart.Renderer {

  static final int WIDTH = 800;
  static final int HEIGHT = 400;

  /** The mood line and points: a muted teal. */
  static final Color LINE = new Color(0x2A, 0x7F, 0x7F);

  private static final Color GRID = new Color(0xE3, 0xE6, 0xE8);
  private static final Color TEXT = new Color(0x33, 0x3A, 0x40);
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MoodChartPng.class);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /**
   * A renderer whose first chart is drawn at once on a background thread: loading fonts and the
   * chart classes takes about a second, which the first member to ask for /mood should not wait.
   */
  public static MoodChartPng warmedUp() {
    MoodChartPng renderer = new MoodChartPng();
    Thread warm =
        new Thread(
            () -> {
              try {
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                renderer.png(
                    new MoodChart(
                        today.minusDays(6),
                        today,
                        new java.util.TreeMap<>(java.util.Map.of(today, 3)),
                        "en",
                        "warm-up"));
              } catch (RuntimeException e) {
                log.warn(
                    "mood charts cannot be drawn here, /mood will answer in text: {}",
                    e.toString());
              }
            },
            "evenkeel-chart-warm-up");
    warm.setDaemon(true);
    warm.start();
    return renderer;
  }

  @Override
  public byte[] png(MoodChart chart) {
    Locale locale = Locale.forLanguageTag(chart.locale());
    TimeSeries moods = new TimeSeries("mood");
    for (LocalDate day = chart.first(); !day.isAfter(chart.last()); day = day.plusDays(1)) {
      Integer mood = chart.moods().get(day);
      moods.add(new Day(date(day), UTC, locale), mood); // null leaves a gap in the line
    }
    XYPlot plot =
        new XYPlot(
            new TimeSeriesCollection(moods, UTC), dateAxis(chart, locale), moodAxis(), renderer());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

    JFreeChart picture = new JFreeChart(plot);
    picture.removeLegend();
    picture.setBackgroundPaint(Color.WHITE);
    picture.setAntiAlias(true);
    picture.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    picture.setPadding(new RectangleInsets(12, 12, 12, 20));
    TextTitle title = new TextTitle(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18));
    title.setPaint(TEXT);
    title.setPadding(new RectangleInsets(0, 0, 12, 0));
    picture.setTitle(title);

    BufferedImage image =
        picture.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    ByteArrayOutputStream png = new ByteArrayOutputStream(16 * 1024);
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the mood chart", e);
    }
    return png.toByteArray();
  }

  private static DateAxis dateAxis(MoodChart chart, Locale locale) {
    DateAxis axis = new DateAxis();
    axis.setTimeZone(UTC);
    axis.setLocale(locale);
    long days = ChronoUnit.DAYS.between(chart.first(), chart.last()) + 1;
    int step = days <= 10 ? 1 : 7;
    SimpleDateFormat format = new SimpleDateFormat(days <= 10 ? "EEE d" : "d MMM", locale);
    format.setTimeZone(UTC);
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, step), false, true);
    axis.setDateFormatOverride(format);
    // half a day of room either side, so the first and last points are not cut in half
    axis.setRange(
        new Date(date(chart.first()).getTime() - 12 * 3_600_000L),
        new Date(date(chart.last()).getTime() + 12 * 3_600_000L));
    style(axis);
    return axis;
  }

  private static NumberAxis moodAxis() {
    NumberAxis axis = new NumberAxis();
    axis.setRange(0.6, 5.4);
    axis.setTickUnit(new NumberTickUnit(1));
    style(axis);
    return axis;
  }

  private static void style(org.jfree.chart.axis.Axis axis) {
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLineVisible(false);
    axis.setTickMarksVisible(false);
  }

  private static XYLineAndShapeRenderer renderer() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, LINE);
    renderer.setSeriesStroke(0, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setDrawOutlines(false);
    renderer.setUseFillPaint(false);
    return renderer;
  }

  /** Midnight UTC of {@code day}: the day itself, on an axis drawn in UTC. */
  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
