package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class ZoneSuggestionsTest {

  private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

  @Test
  void aCity_findsItsZone_withTheLocalTimeNow() {
    assertThat(ZoneSuggestions.matching("berl", NOW))
        .first()
        .satisfies(
            c -> {
              assertThat(c.getAsString()).isEqualTo("Europe/Berlin");
              assertThat(c.getName()).isEqualTo("Europe/Berlin (14:00)");
            });
  }

  @Test
  void spacesMatchUnderscores_andCitiesStartingWithTheTextComeFirst() {
    assertThat(ZoneSuggestions.matching("new york", NOW))
        .extracting(Command.Choice::getAsString)
        .startsWith("America/New_York");
  }

  @Test
  void suggestions_areAtMostTwentyFive_evenForNothingTyped() {
    assertThat(ZoneSuggestions.matching("", NOW)).hasSize(25);
    assertThat(ZoneSuggestions.matching("zzzz", NOW)).isEmpty();
  }
}
