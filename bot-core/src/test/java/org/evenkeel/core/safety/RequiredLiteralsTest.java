package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the prefilter derives from a pattern's source, on concrete patterns. */
class RequiredLiteralsTest {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static List<Set<String>> clauses(String regex) {
    return RequiredLiterals.of(Pattern.compile(regex, FLAGS)).clauses();
  }

  @Test
  void plainPhrase_isOneLiteral() {
    assertThat(clauses("\\blethal dose\\b")).containsExactly(Set.of("lethal dose"));
  }

  @Test
  void smallAlternatives_multiplyOutIntoWholePhrases() {
    assertThat(clauses("\\b(?:end|ending) my (?:own )?life\\b"))
        .containsExactly(
            Set.of("end my life", "end my own life", "ending my life", "ending my own life"));
  }

  @Test
  void repeatedLetters_breakTheChain_andTheLongerNeighbourDecides() {
    // "k+i+l+" says only that k, i and l occur; the self-part is what a match must contain.
    assertThat(clauses("\\bk+i+l+(?:ing|in)? ?(?:my ?self|meself)\\b"))
        .containsExactly(Set.of("myself", "my self", "meself"));
  }

  @Test
  void lookaround_isIgnored_soItCanOnlyMakeTheFilterLessStrict() {
    assertThat(clauses("(?<!don't )(?<!not )\\bwant to die\\b(?! laughing)"))
        .containsExactly(Set.of("want to die"));
  }

  @Test
  void unknownGap_splitsThePatternIntoClausesThatMustAllHold() {
    assertThat(clauses("\\bwithdraw\\w*\\b[^.!?]{0,40}\\b(?:seiz\\w*|delirium|dts)"))
        .containsExactly(Set.of("withdraw"), Set.of("seiz", "delirium", "dts"));
  }

  @Test
  void literalsContainingAnotherLiteral_areDropped() {
    assertThat(RequiredLiterals.minimise(Set.of("pills", "of my pills", "sleeping pills", "meds")))
        .containsExactlyInAnyOrder("pills", "meds");
  }

  @Test
  void literals_areCaseFolded_andEscapedPunctuationIsLiteral() {
    assertThat(clauses("\\bSuicide Note\\b")).containsExactly(Set.of("suicide note"));
    assertThat(clauses("\\bxanax (?:and|\\+) alcohol\\b"))
        .containsExactly(Set.of("xanax and alcohol", "xanax + alcohol"));
  }

  @Test
  void plainCharacterClass_isAlternatives_butRangesAndNegationAreUnknown() {
    assertThat(clauses("\\bestar muert[oa]\\b"))
        .containsExactly(Set.of("estar muerto", "estar muerta"));
    assertThat(clauses("\\bself[ -]?harm\\b"))
        .containsExactlyInAnyOrder(Set.of("self"), Set.of("harm"));
    assertThat(clauses("\\bpill[a-z] bottle\\b"))
        .containsExactly(Set.of(" bottle"), Set.of("pill"));
  }

  @Test
  void clausesOfShortLiteralsOnly_areDropped() {
    // "g" occurs in nearly every message: a clause holding it would only cost time.
    assertThat(clauses("\\b(?:g|ghb) (?:und|mit) alkohol\\b"))
        .containsExactly(
            Set.of("g und alkohol", "g mit alkohol", "ghb und alkohol", "ghb mit alkohol"));
    assertThat(clauses("\\b(?:g|ghb)\\b")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\b\\w+\\b", // nothing literal at all
        "\\b(?:kill myself|\\w+)\\b", // one branch says nothing
        "(?i)kill myself", // inline flags
        "(?x)kill \\ myself", // comments mode changes what a space means
        "\\Qkill myself\\E", // quoting
        "(kill) \\1 myself", // back reference
        "\\bkill\\x20myself\\b", // escapes this reader does not decode
        "[[a-z]&&[^aeiou]]+ myself", // nested and intersected classes
        "kill (?:myself", // malformed: unbalanced
        "kill myself)",
        "pills \uD83D\uDC8A", // a surrogate pair
        "(?:kill myself)?", // optional as a whole
        "(?:kill myself)*",
      })
  void patternWhoseLiteralsCannotBeDerived_isUnknown(String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex, FLAGS);
    } catch (java.util.regex.PatternSyntaxException e) {
      return; // the loader refuses such a pattern before it reaches the screen
    }
    assertThat(RequiredLiterals.of(pattern).isKnown()).as(regex).isFalse();
  }

  @Test
  void unsupportedFlags_makeThePatternUnknown() {
    assertThat(RequiredLiterals.of(Pattern.compile("kill myself", Pattern.COMMENTS)).isKnown())
        .isFalse();
    assertThat(RequiredLiterals.of(Pattern.compile("kill myself", Pattern.LITERAL)).isKnown())
        .isFalse();
  }

  @Test
  void repetition_keepsItsAtomsLiterals() {
    assertThat(clauses("(?:very )+bad day"))
        .containsExactlyInAnyOrder(Set.of("very "), Set.of("bad day"));
    assertThat(clauses("\\b(?:no ){2}way\\b")).containsExactly(Set.of("no no way"));
  }
}
