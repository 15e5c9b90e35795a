package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {

  private static final List<String> LITERALS =
      List.of("myself", "my self", "self", "kill", "ill", "suicidal", "he", "she", "hers");

  private static final LiteralScanner SCANNER = new LiteralScanner(LITERALS);

  private static Set<String> found(String text) {
    BitSet ids = SCANNER.scan(text);
    return LITERALS.stream().filter(l -> ids.get(SCANNER.id(l))).collect(Collectors.toSet());
  }

  @Test
  void overlappingAndNestedLiterals_areAllFound() {
    assertThat(found("i want to kill myself"))
        .containsExactlyInAnyOrder("kill", "ill", "myself", "self");
    assertThat(found("ushers")).containsExactlyInAnyOrder("she", "he", "hers");
  }

  @Test
  void absentLiterals_areNotFound() {
    assertThat(found("had a rough day but i'm ok")).isEmpty();
    assertThat(found("")).isEmpty();
    assertThat(found("my sel f")).isEmpty();
  }

  @Test
  void text_isComparedCaseFolded_likeACaseInsensitivePattern() {
    assertThat(found("KILL MYSELF")).contains("kill", "myself");
    assertThat(found("suıcıdal")).contains("suicidal"); // dotless i matches i
    assertThat(found("my ſelf")).contains("my self"); // long s matches s
    assertThat(found("\u212Aill")).contains("kill"); // Kelvin sign matches k
  }

  @Test
  void literalAfterAFalseStart_isFound() {
    assertThat(found("my smy self")).contains("my self");
    assertThat(found("kikill")).contains("kill");
  }

  @Test
  void everyLiteral_hasItsOwnId() {
    assertThat(LITERALS.stream().map(SCANNER::id).distinct()).hasSize(LITERALS.size());
    assertThat(SCANNER.size()).isEqualTo(LITERALS.size());
  }
}
