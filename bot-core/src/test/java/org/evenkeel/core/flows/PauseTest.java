package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /pause: pause daily check-ins for some days or until resumed, and resume them. */
class PauseTest {

  private final Conversation chat = Members.onboarded(); // London; 2 March 2026, 09:00

  private Profile.Pause pause() {
    return chat.state().profile().pause();
  }

  @Test
  void pause_offersDurations_resume_andCancel() {
    chat.say("/pause");

    chat.expect(chat.message("pause.ask"));
    assertThat(chat.labels())
        .containsExactly(
            chat.message("pause.option.one_day"),
            chat.message("pause.option.three_days"),
            chat.message("pause.option.seven_days"),
            chat.message("pause.option.until_resume"),
            chat.message("pause.option.resume"),
            chat.message("common.cancel"));
  }

  @Test
  void oneDay_pausesToday_andSaysWhenCheckinsComeBack() {
    chat.say("/pause");

    chat.tap(chat.message("pause.option.one_day"));

    chat.expect("Check-ins are paused until Mar 3, 2026").expect(chat.message("pause.after"));
    assertThat(pause()).isEqualTo(Profile.Pause.until(LocalDate.of(2026, 3, 2)));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void threeDays_and_sevenDays_pauseThatManyDays() {
    chat.say("/pause");
    chat.tap(chat.message("pause.option.three_days"));
    chat.expect("until Mar 5, 2026");
    assertThat(pause().until()).contains(LocalDate.of(2026, 3, 4));

    chat.say("/pause");
    chat.tap(chat.message("pause.option.seven_days"));
    chat.expect("until Mar 9, 2026");
    assertThat(pause().until()).contains(LocalDate.of(2026, 3, 8));
  }

  @Test
  void pauseDays_countFromTheMembersLocalDate() {
    chat.say("/settings");
    chat.tap(chat.message("settings.zone"));
    chat.say("auckland");
    chat.wait(Duration.ofHours(3)); // 12:00 UTC on 2 March is already 3 March in Auckland

    chat.say("/pause");
    chat.tap(chat.message("pause.option.one_day"));

    assertThat(pause().until()).contains(LocalDate.of(2026, 3, 3));
    chat.expect("until Mar 4, 2026");
  }

  @Test
  void untilResume_pausesIndefinitely() {
    chat.say("/pause");

    chat.tap(chat.message("pause.option.until_resume"));

    chat.expect(chat.message("pause.indefinite"));
    assertThat(pause()).isEqualTo(Profile.Pause.indefinitely());
  }

  @Test
  void resume_turnsCheckinsBackOn() {
    chat.say("/pause");
    chat.tap(chat.message("pause.option.until_resume"));

    chat.say("/pause");
    chat.tap(chat.message("pause.option.resume"));

    chat.expect(chat.message("pause.resumed"));
    assertThat(pause()).isEqualTo(Profile.Pause.NONE);
  }

  @Test
  void cancel_changesNothing() {
    chat.say("/pause");
    chat.tap(chat.message("pause.option.seven_days"));

    chat.say("/pause");
    chat.tap(chat.message("common.cancel"));

    chat.expect(chat.message("pause.cancelled"));
    assertThat(pause().until()).contains(LocalDate.of(2026, 3, 8));
  }

  @Test
  void pause_keepsTheOtherSettings() {
    Profile before = chat.state().profile();

    chat.say("/pause");
    chat.tap(chat.message("pause.option.one_day"));

    Profile after = chat.state().profile();
    assertThat(after.withPause(Profile.Pause.NONE)).isEqualTo(before);
  }
}
