package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operator's scheduling settings: the defaults, and limits that keep the rules sound.
 */
class SchedulingSettingsTest {

  @Test
  void theDefaults_areFiveMinutesOfJitter_threeHoursOfGrace_andAFollowUpAfterFour() {
    assertThat(SchedulingSettings.DEFAULTS)
        .isEqualTo(
            new SchedulingSettings(
                Duration.ofMinutes(5), Duration.ofHours(3), Duration.ofHours(4)));
  }

  @Test
  void graceLongerThanHalfADay_isRejected_becauseALateCheckinCouldMeetTheNextOne() {
    assertThatThrownBy(() -> SchedulingSettings.DEFAULTS.withGrace(Duration.ofHours(13)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grace must be between 0 and PT12H but was PT13H");
  }

  @Test
  void aFollowUp_mustComeAfterSomeTime_andWithinADay() {
    assertThatThrownBy(() -> SchedulingSettings.DEFAULTS.withFollowUpAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("followUpAfter must be positive and at most a day but was PT0S");
    assertThatThrownBy(() -> SchedulingSettings.DEFAULTS.withFollowUpAfter(Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("followUpAfter must be positive and at most a day but was PT25H");
  }

  @Test
  void theMaximumJitter_isCheckedLikeAJitters() {
    assertThatThrownBy(() -> SchedulingSettings.DEFAULTS.withMaxJitter(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max jitter must be between 0 and PT1H but was PT2H");
  }
}
