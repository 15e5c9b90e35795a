package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.chart.MoodChart;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * /mood with pictures: the chart the engine asks for (the days, each day's latest mood, the title),
 * sent privately with the average, the streak and the member's own notes; and the text sparkline
 * when the picture cannot be drawn. The drawing itself is tested with the real renderer in bot-app.
 */
class MoodHistoryTest {

  private final List<MoodChart> drawn = new ArrayList<>();
  private boolean broken;
  private final Conversation chat =
      Members.onboarded(
          chart -> {
            if (broken) {
              throw new IllegalStateException("no fonts on this machine");
            }
            drawn.add(chart);
            return ("PNG " + chart.moods()).getBytes(StandardCharsets.UTF_8);
          });

  private void checkIn(String mood, String note) {
    chat.say("/checkin");
    chat.tap(mood);
    if (note == null) {
      chat.tap(chat.message("checkin.note.none"));
    } else {
      chat.tap(chat.message("checkin.note.add"));
      chat.say(note);
    }
    if (Integer.parseInt(mood.substring(0, 1)) <= 2) {
      chat.tap(chat.message("checkin.low.just_log"));
    }
  }

  @Test
  void mood_sendsTheWeekAsAPrivateImage_withAverageStreakAndNotes() {
    checkIn("4", "walked with Sam");
    chat.wait(Duration.ofDays(1));
    checkIn("2", null);
    chat.wait(Duration.ofDays(1));
    checkIn("3", "meeting <b>helped</b>");

    chat.say("/mood");

    assertThat(drawn).hasSize(1);
    MoodChart chart = drawn.get(0);
    assertThat(chart.first()).isEqualTo(LocalDate.parse("2026-02-26"));
    assertThat(chart.last()).isEqualTo(LocalDate.parse("2026-03-04"));
    assertThat(chart.moods())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    LocalDate.parse("2026-03-02"), 4,
                    LocalDate.parse("2026-03-03"), 2,
                    LocalDate.parse("2026-03-04"), 3)));
    assertThat(chart.title()).isEqualTo("Your mood, last 7 days");
    SendFile image = chat.replies(SendFile.class).get(0);
    assertThat(image.mediaType()).isEqualTo("image/png");
    assertThat(image.fileName()).isEqualTo("mood-7-days.png");
    assertThat(image.protect()).isTrue();
    assertThat(image.caption().plainText()).isEqualTo("Your mood, last 7 days. Just for you.");
    chat.expect("Average 3.0, from 3 check-ins in the last 7 days")
        .expect("You've checked in 3 days in a row.")
        .expect("walked with Sam")
        .expect("meeting <b>helped</b>")
        .expectNo("▂");
  }

  @Test
  void mood30_coversAMonth_andATodayWithoutCheckInDoesNotBreakTheStreak() {
    checkIn("5 · " + chat.message("checkin.scale.max"), null);
    chat.wait(Duration.ofDays(1));
    checkIn("4", null);
    chat.wait(Duration.ofDays(1)); // today: not yet

    chat.say("/mood 30");

    assertThat(drawn.get(0).first()).isEqualTo(LocalDate.parse("2026-02-03"));
    assertThat(drawn.get(0).moods()).hasSize(2);
    assertThat(chat.replies(SendFile.class).get(0).fileName()).isEqualTo("mood-30-days.png");
    chat.expect("You've checked in 2 days in a row.");
  }

  @Test
  void aGapBreaksTheStreak_andOneDayIsNoStreakToMention() {
    checkIn("4", null);
    chat.wait(Duration.ofDays(2));
    checkIn("4", null);

    chat.say("/mood");

    chat.expectNo("in a row");
  }

  @Test
  void whenThePictureCannotBeDrawn_theSparklineSaysIt() {
    checkIn("4", null);
    broken = true;

    chat.say("/mood");

    assertThat(chat.replies(SendFile.class)).isEmpty();
    chat.expect("Your mood, last 7 days").expect("······▆").expect("Average 4.0");
  }
}
