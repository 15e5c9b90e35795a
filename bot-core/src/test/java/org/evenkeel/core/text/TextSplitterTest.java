package org.evenkeel.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

  /** Telegram's limit: the splitter's first user. */
  private static final int MAX = 4096;

  @Test
  void exactly4096CodePoints_isOneMessage() {
    List<StyledText> parts = split("a".repeat(MAX));

    assertThat(parts).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(MAX));
  }

  @Test
  void codePoints4097_withoutAnyBoundary_isCutHardAfter4096() {
    List<StyledText> parts = split("a".repeat(MAX + 1));

    assertThat(parts).extracting(StyledText::length).containsExactly(MAX, 1);
  }

  @Test
  void aParagraphBreak_isPreferredToLinesSentencesAndSpaces() {
    String first = words(3000) + "\n\n";
    String second = words(500) + "\nline. " + words(1000);

    List<StyledText> parts = split(first + second);

    assertThat(parts).extracting(StyledText::plainText).containsExactly(first.strip(), second);
  }

  @Test
  void aLineBreak_isPreferredToSentencesAndSpaces() {
    String first = words(2500) + ". Sentence ends.";
    String second = words(2000) + ". Another. " + words(100);

    List<StyledText> parts = split(first + "\n" + second);

    assertThat(parts).extracting(StyledText::plainText).containsExactly(first, second);
  }

  @Test
  void aSentenceEnd_isPreferredToASpace() {
    String first = words(3000) + "! Done?";
    String second = words(1500);

    List<StyledText> parts = split(first + " " + second);

    assertThat(parts).extracting(StyledText::plainText).containsExactly(first, second);
  }

  @Test
  void aBoundaryInTheFirstHalf_isIgnored_soNoPartIsTiny() {
    String text = "Title\n\n" + "x".repeat(6000);

    List<StyledText> parts = split(text);

    assertThat(parts).extracting(StyledText::length).containsExactly(MAX, 6007 - MAX);
  }

  @Test
  void aTenThousandCharacterMessage_isCutAtTheLastSpaceBeforeEachLimit_losingOnlyThoseSpaces() {
    String text = words(10_000);

    List<StyledText> parts = split(text);

    assertThat(parts).extracting(StyledText::length).containsExactly(4094, 4094, 1810);
    assertThat(String.join(" ", parts.stream().map(StyledText::plainText).toList()))
        .isEqualTo(text);
  }

  @Test
  void emojiHeavyText_isCountedInCodePoints_andNeverCutInsideASurrogatePair() {
    String text = "😀".repeat(MAX + 10); // 8,212 UTF-16 units

    List<StyledText> parts = split(text);

    assertThat(parts).extracting(StyledText::length).containsExactly(MAX, 10);
    assertThat(parts)
        .allSatisfy(
            p -> {
              String s = p.plainText();
              assertThat(s).isEqualTo("😀".repeat(p.length()));
              assertThat(s.length()).isEqualTo(2 * p.length());
            });
  }

  @Test
  void aHardCut_keepsAnEmojiWithItsSkinToneAndJoiners() {
    String family = "👩‍👩‍👧"; // 5 code points
    String text = "a".repeat(MAX - 2) + family + "b".repeat(10);

    List<StyledText> parts = split(text);

    assertThat(parts.get(0).plainText()).isEqualTo("a".repeat(MAX - 2));
    assertThat(parts.get(1).plainText()).startsWith(family);
  }

  @Test
  void whitespaceOnly_isNoPartAtAll() {
    assertThat(split(" \n\n \t")).isEmpty();
  }

  @Test
  void truncate_leavesAShortTextAlone() {
    StyledText text = StyledText.plain("short");

    assertThat(TextSplitter.truncate(text, MAX)).isSameAs(text);
  }

  @Test
  void truncate_cutsAtAWord_andEndsWithAnEllipsis_withinTheLimit() {
    StyledText cut = TextSplitter.truncate(StyledText.plain(words(5000)), MAX);

    assertThat(cut.length()).isLessThanOrEqualTo(MAX);
    assertThat(cut.plainText()).endsWith("word…").doesNotContain(" …");
    assertThat(words(5000)).startsWith(cut.plainText().replace("…", ""));
  }

  @Test
  void truncate_withoutSpaces_cutsHard_toExactlyTheLimit() {
    StyledText cut = TextSplitter.truncate(StyledText.plain("😀".repeat(5000)), MAX);

    assertThat(cut.length()).isEqualTo(MAX);
    assertThat(cut.plainText()).isEqualTo("😀".repeat(MAX - 1) + "…");
  }

  private static List<StyledText> split(String plain) {
    return TextSplitter.split(StyledText.plain(plain), MAX);
  }

  /** {@code n} code points of "word word wo…", never ending in a space. */
  static String words(int n) {
    String text = "word ".repeat(n / 5 + 1).substring(0, n);
    return text.endsWith(" ") ? text.substring(0, n - 1) + "s" : text;
  }
}
