package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.CommunitySettings.Setting;
import org.junit.jupiter.api.Test;

/** What every {@link CommunitySettings} does; run against each implementation. */
public abstract class CommunitySettingsContract {

  protected abstract CommunitySettings settings();

  /** The same store as seen by another instance of the bot. */
  protected abstract CommunitySettings anotherInstance();

  @Test
  void aCommunityWithNothingSet_readsEmpty() {
    assertThat(settings().read("discord", "100")).isEmpty();
  }

  @Test
  void aSetting_isReadBack_byEveryInstance() {
    settings().put("discord", "100", Setting.CELEBRATION_CHANNEL, "555");
    settings().put("discord", "100", Setting.LANGUAGE, "es");

    assertThat(anotherInstance().read("discord", "100"))
        .isEqualTo(Map.of(Setting.CELEBRATION_CHANNEL, "555", Setting.LANGUAGE, "es"));
  }

  @Test
  void putAgain_replacesTheValue() {
    settings().put("discord", "100", Setting.SAFETY_ROLE, "1");
    settings().put("discord", "100", Setting.SAFETY_ROLE, "2");

    assertThat(settings().read("discord", "100")).containsEntry(Setting.SAFETY_ROLE, "2");
  }

  @Test
  void clear_removesOnlyThatSetting() {
    settings().put("discord", "100", Setting.SAFETY_ROLE, "1");
    settings().put("discord", "100", Setting.LANGUAGE, "de");

    settings().clear("discord", "100", Setting.SAFETY_ROLE);

    assertThat(settings().read("discord", "100")).isEqualTo(Map.of(Setting.LANGUAGE, "de"));
  }

  @Test
  void communities_andPlatforms_areApart() {
    settings().put("discord", "100", Setting.LANGUAGE, "fr");

    assertThat(settings().read("discord", "101")).isEmpty();
    assertThat(settings().read("telegram", "100")).isEmpty();
  }
}
