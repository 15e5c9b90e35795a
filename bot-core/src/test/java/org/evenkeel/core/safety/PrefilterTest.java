package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.content.SafetyPatterns;
import org.junit.jupiter.api.Test;

class PrefilterTest {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern NOTE = Pattern.compile("\\bsuicide (?:note|letter)\\b", FLAGS);
  private static final Pattern GAP =
      Pattern.compile("\\bwithdraw\\w*\\b[^.!?]{0,40}\\bseiz\\w*", FLAGS);
  private static final Pattern UNKNOWN = Pattern.compile("\\b\\w{30,}\\b", FLAGS);

  private final Prefilter prefilter = new Prefilter(List.of(NOTE, GAP, UNKNOWN));

  @Test
  void patternWhoseLiteralsAreAbsent_isSkipped() {
    assertThat(prefilter.possible("had a rough day").get(0)).isFalse();
    assertThat(prefilter.possible("i wrote a note").get(0)).isFalse();
  }

  @Test
  void patternWhoseLiteralsArePresent_runs() {
    assertThat(prefilter.possible("i wrote a SUICIDE LETTER").get(0)).isTrue();
  }

  @Test
  void everyClause_mustHaveALiteralPresent() {
    assertThat(prefilter.possible("withdrawal is rough").get(1)).isFalse();
    assertThat(prefilter.possible("the seizure scared me").get(1)).isFalse();
    assertThat(prefilter.possible("withdrawal gave me a seizure").get(1)).isTrue();
  }

  @Test
  void patternWhoseLiteralsCannotBeDerived_alwaysRuns() {
    assertThat(RequiredLiterals.of(UNKNOWN).isKnown()).isFalse();
    assertThat(prefilter.possible("").get(2)).isTrue();
    assertThat(prefilter.possible("ok").get(2)).isTrue();
  }

  @Test
  void screen_flagsWhatOnlyAnUnknownPatternFinds() {
    SafetyPatterns language =
        new SafetyPatterns("xx", Map.of(CrisisCategory.FAREWELL, List.of(UNKNOWN)), List.of());
    PatternSafetyScreen screen = new PatternSafetyScreen(List.of(language));

    assertThat(screen.screen("supercalifragilisticexpialidocious!")).isPresent();
    assertThat(screen.screen("short words only")).isEmpty();
  }

  @Test
  void maskedText_isScannedAgain_forTheLiteralsMaskingCreates() {
    // Normalised text never holds three spaces in a row, but a masked one does: a pattern that
    // needs them may match only after a guard has blanked its idiom.
    SafetyPatterns language =
        new SafetyPatterns(
            "xx",
            Map.of(CrisisCategory.FAREWELL, List.of(Pattern.compile("\\bsad {3}", FLAGS))),
            List.of(Pattern.compile("\\bkilling it\\b", FLAGS)));
    PatternSafetyScreen screen = new PatternSafetyScreen(List.of(language));

    assertThat(new ReferenceSafetyScreen(List.of(language)).screen("sad killing it")).isPresent();
    assertThat(screen.screen("sad killing it")).isPresent();
    assertThat(screen.screen("sad today")).isEmpty();
  }
}
