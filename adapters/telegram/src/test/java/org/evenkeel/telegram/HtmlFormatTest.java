package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;
import org.evenkeel.telegram.fake.ParsedText;
import org.evenkeel.telegram.fake.TelegramHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlFormatTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<script>alert('hi')</script>",
        "&amp;",
        "a < b & c > d",
        "Tom & Jerry <3",
        "&lt;b&gt; is not bold",
        "<b>not bold</b> <i>nor italic</i>",
        "*stars* and _underscores_ and \\ backslash",
        "😀👩‍👩‍👧‍👦🇩🇪 emoji, ZWJ family and a flag",
        "שלום עולם مرحبا RTL with \u200F marks \u202E override",
        "zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFF",
        "\"quotes\" and 'apostrophes'",
        "&#169; &nbsp; &#x1F600; entities typed by a member",
      })
  void memberText_isShownExactlyAsTyped(String member) {
    String html = HtmlFormat.render(StyledText.of(FormattedText.plain(member)));

    assertThat(TelegramHtml.parse(html)).isEqualTo(ParsedText.visible(member));
  }

  @Test
  void escape_replacesOnlyTheThreeCharactersHtmlReserves() {
    assertThat(HtmlFormat.escape("a < b & c > d \"q\" 'a' *b*"))
        .isEqualTo("a &lt; b &amp; c &gt; d \"q\" 'a' *b*");
  }

  @Test
  void boldAndItalic_becomeBAndITags() {
    String html = render("Find *5 things* you can _see_, *_both_*.");

    assertThat(html).isEqualTo("Find <b>5 things</b> you can <i>see</i>, <b><i>both</i></b>.");
    assertThat(TelegramHtml.parse(html))
        .isEqualTo(ParsedText.visible("Find 5 things you can see, both."));
  }

  @Test
  void memberTextInsideBold_isEscapedAndStaysBold() {
    String html = render("*Your note:* _" + FormattedText.escape("<b>&*x*") + "_");

    assertThat(html).isEqualTo("<b>Your note:</b> <i>&lt;b&gt;&amp;*x*</i>");
  }

  @Test
  void anUnpairedSurrogate_becomesAReplacementCharacter() {
    String html = render("broken \uD83D here");

    assertThat(html).isEqualTo("broken \uFFFD here");
  }

  private static String render(String markup) {
    return HtmlFormat.render(StyledText.of(FormattedText.of(markup)));
  }
}
