package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;
import org.evenkeel.core.text.TextSplitter;
import org.evenkeel.telegram.fake.ParsedText;
import org.evenkeel.telegram.fake.TelegramHtml;
import org.junit.jupiter.api.Test;

/** Parts of a long message, each rendered to HTML that Telegram accepts on its own. */
class SplitHtmlTest {

  private static final int MAX = TelegramRenderer.MESSAGE_MAX_LENGTH;

  @Test
  void formattingSpanningACut_isClosedAndReopened() {
    FormattedText text = FormattedText.of("*" + words(5000) + "* plain");

    List<StyledText> parts = TextSplitter.split(StyledText.of(text), MAX);

    assertThat(parts).hasSize(2);
    String first = HtmlFormat.render(parts.get(0));
    String second = HtmlFormat.render(parts.get(1));
    assertThat(first).startsWith("<b>").endsWith("</b>");
    assertThat(second).startsWith("<b>").endsWith("</b> plain");
    assertThat(TelegramHtml.parse(first)).isInstanceOf(ParsedText.Visible.class);
    assertThat(TelegramHtml.parse(second)).isInstanceOf(ParsedText.Visible.class);
  }

  @Test
  void escapedCharacters_countOnce_soACutNeverFallsInsideAnEntity() {
    String member = "<&>".repeat(2000);

    List<StyledText> parts = split(member);

    assertThat(parts).extracting(StyledText::length).containsExactly(MAX, 6000 - MAX);
    assertThat(parts)
        .allSatisfy(
            p ->
                assertThat(TelegramHtml.parse(HtmlFormat.render(p)))
                    .isEqualTo(ParsedText.visible(p.plainText())));
  }

  private static List<StyledText> split(String text) {
    return TextSplitter.split(StyledText.plain(text), MAX);
  }

  /** {@code n} code points of "word word wo…", never ending in a space. */
  static String words(int n) {
    String text = "word ".repeat(n / 5 + 1).substring(0, n);
    return text.endsWith(" ") ? text.substring(0, n - 1) + "s" : text;
  }
}
