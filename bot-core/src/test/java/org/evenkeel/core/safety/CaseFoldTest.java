package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prefilter compares folded text with folded literals; that is only safe if every character a
 * case-insensitive pattern character matches folds to the same character. Checked exhaustively
 * against {@link Pattern} itself.
 */
class CaseFoldTest {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Every character the content's patterns use literally, and a few with odd case mappings. */
  private static final String PATTERN_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '-,.!?&+ßçéüµÿåİıſK";

  @Test
  void everyCharacterAPatternCharacterMatches_foldsLikeIt() {
    // Every BMP character, each after an 'x' and before a line break, so that no two surrogates
    // pair up; a pattern's matches then name the characters it accepts.
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      all.append('x').append((char) c).append('\n');
    }
    String text = all.toString();
    List<String> violations = new ArrayList<>();
    for (char p : PATTERN_CHARS.toCharArray()) {
      if (!CaseFold.isStable(p)) {
        continue; // the parser gives up on such characters
      }
      String quoted = Pattern.quote(String.valueOf(p));
      String member = p < 0x80 && !Character.isLetterOrDigit(p) ? "\\" + p : String.valueOf(p);
      // Java compiles a lone character, one in a run of literals and one in a class differently.
      for (String regex : List.of(quoted, "x" + quoted, "[" + member + "]")) {
        int offset = regex.startsWith("x") ? 1 : 0;
        Matcher m = Pattern.compile(regex, FLAGS).matcher(text);
        while (m.find()) {
          char c = text.charAt(m.start() + offset);
          if (CaseFold.fold(c) != CaseFold.fold(p)) {
            violations.add(regex + " matches U+" + Integer.toHexString(c));
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void noCharacterBeyondTheBmp_foldsIntoIt() {
    // So a literal (always BMP) can never be matched by half of a surrogate pair.
    for (int cp = Character.MIN_SUPPLEMENTARY_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
      int folded = Character.toLowerCase(Character.toUpperCase(cp));
      if (folded < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        throw new AssertionError("U+" + Integer.toHexString(cp) + " folds into the BMP");
      }
    }
  }

  @Test
  void oddCases_foldToThePlainLetter() {
    assertThat(CaseFold.fold('ı')).isEqualTo('i'); // dotless i
    assertThat(CaseFold.fold('ſ')).isEqualTo('s'); // long s
    assertThat(CaseFold.fold('\u212A')).isEqualTo('k'); // Kelvin sign
    assertThat(CaseFold.fold('Q')).isEqualTo('q');
    assertThat(Pattern.compile("suicidal", FLAGS).matcher("suıcıdal").matches()).isTrue();
  }
}
