package org.evenkeel.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.evenkeel.core.chart.MoodChart;
import org.junit.jupiter.api.Test;

/** The real chart: a PNG of the promised size, small, and with the mood line drawn on it. */
class MoodChartPngTest {

  private final MoodChartPng renderer = new MoodChartPng();

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }

  private static long pixelsOf(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  private static MoodChart week(Map<LocalDate, Integer> moods) {
    return new MoodChart(
        LocalDate.parse("2026-03-02"),
        LocalDate.parse("2026-03-08"),
        new TreeMap<>(moods),
        "en",
        "Your mood, last 7 days");
  }

  @Test
  void aWeek_isAnEightHundredByFourHundredPng_ofAFewKilobytes_withTheMoodLineOnIt()
      throws IOException {
    byte[] png =
        renderer.png(
            week(
                Map.of(
                    LocalDate.parse("2026-03-02"), 4,
                    LocalDate.parse("2026-03-03"), 2,
                    LocalDate.parse("2026-03-05"), 5)));

    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(MoodChartPng.WIDTH);
    assertThat(image.getHeight()).isEqualTo(MoodChartPng.HEIGHT);
    assertThat(png.length).isBetween(2_000, 60_000);
    assertThat(pixelsOf(image, MoodChartPng.LINE.getRGB() & 0xFFFFFF))
        .as("the line and its points, in the line colour")
        .isGreaterThan(300);
  }

  @Test
  void higherMoods_areDrawnHigher() throws IOException {
    BufferedImage low = decode(renderer.png(week(Map.of(LocalDate.parse("2026-03-05"), 1))));
    BufferedImage high = decode(renderer.png(week(Map.of(LocalDate.parse("2026-03-05"), 5))));

    assertThat(topmostLinePixel(high)).isLessThan(topmostLinePixel(low) - 150);
  }

  @Test
  void aMonth_inAnotherLanguage_isDrawnToo() throws IOException {
    MoodChart month =
        new MoodChart(
            LocalDate.parse("2026-02-07"),
            LocalDate.parse("2026-03-08"),
            new TreeMap<>(Map.of(LocalDate.parse("2026-02-10"), 3)),
            "de",
            "Deine Stimmung, letzte 30 Tage");

    BufferedImage image = decode(renderer.png(month));

    assertThat(image.getWidth()).isEqualTo(MoodChartPng.WIDTH);
    assertThat(pixelsOf(image, MoodChartPng.LINE.getRGB() & 0xFFFFFF)).isGreaterThan(20);
  }

  private static int topmostLinePixel(BufferedImage image) {
    int line = MoodChartPng.LINE.getRGB() & 0xFFFFFF;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == line) {
          return y;
        }
      }
    }
    throw new AssertionError("no mood point drawn");
  }
}
