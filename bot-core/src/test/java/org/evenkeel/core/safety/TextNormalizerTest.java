package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @Test
  void capitals_becomeLowerCase() {
    assertThat(TextNormalizer.normalize("I AM SO Suicidal")).isEqualTo("i am so suicidal");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Ich fühle mich zu Hause nicht sicher | ich fuhle mich zu hause nicht sicher",
        "Estarían mejor sin mí                | estarian mejor sin mi",
        "Je ne suis pas en sécurité chez moi  | je ne suis pas en securite chez moi",
        "Não me sinto segura                  | nao me sinto segura",
      })
  void accents_areRemoved(String text, String normalized) {
    assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
  }

  @Test
  void zeroWidthAndInvisibleCharacters_areDropped() {
    assertThat(TextNormalizer.normalize("su\u200Bi\u200Ccide")).isEqualTo("suicide");
    assertThat(TextNormalizer.normalize("kill\u00AD my\u2060self\uFEFF")).isEqualTo("kill myself");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "su1cide         | suicide",
        "k1ll my$elf     | kill myself",
        "h3ll0           | hello",
        "i w@nt to d13   | i want to die",
      })
  void leetspeakInsideWords_becomesLetters(String text, String normalized) {
    assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "good day today 4/5     | good day today 4/5",
        "day 30 of being clean  | day 30 of being clean",
        "call me at 555 0134    | call me at 555 0134",
        "$50 for the week       | $50 for the week",
        "took 10mg at 4am       | took 10mg at 4am",
        "clean for 24h, my 2nd  | clean for 24h, my 2nd",
      })
  void numbersWithoutLetters_stayNumbers(String text, String normalized) {
    assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
  }

  @Test
  void lettersRepeatedForEmphasis_areShortenedToTwo() {
    assertThat(TextNormalizer.normalize("i want to diiiiie")).isEqualTo("i want to diie");
    assertThat(TextNormalizer.normalize("soooo tired")).isEqualTo("soo tired");
    // Ordinary double letters are left alone.
    assertThat(TextNormalizer.normalize("kill all feelings")).isEqualTo("kill all feelings");
  }

  @Test
  void tellingEmoji_becomeWords() {
    assertThat(TextNormalizer.normalize("been saving my 💊")).isEqualTo("been saving my pills");
    assertThat(TextNormalizer.normalize("💊💊💊")).isEqualTo("pills pills pills");
    assertThat(TextNormalizer.normalize("got a 🔪")).isEqualTo("got a knife");
  }

  @Test
  void curlyApostrophes_becomeStraight() {
    assertThat(TextNormalizer.normalize("i don’t want to wake up"))
        .isEqualTo("i don't want to wake up");
  }

  @Test
  void whitespace_isCollapsedAndTrimmed() {
    assertThat(TextNormalizer.normalize("  i   want\tto\n\ndie  ")).isEqualTo("i want to die");
  }

  @Test
  void onlyInvisibleCharacters_normaliseToEmpty() {
    assertThat(TextNormalizer.normalize("\u200B\u200B \uFEFF")).isEmpty();
  }
}
