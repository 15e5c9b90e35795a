package org.evenkeel.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramMarkdownV2Test {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"]", "(", ")", ">", "#", "+", "-", "=", "|", "{", "}", ".", "!"})
  void everyReservedCharacter_mustBeEscaped(String character) {
    assertThat(TelegramMarkdownV2.parse("a" + character))
        .isEqualTo(
            new ParsedText.Rejected(
                "Bad Request: can't parse entities: Character '"
                    + character
                    + "' is reserved and must be escaped with the preceding '\\'"));
    assertThat(TelegramMarkdownV2.parse("a\\" + character))
        .isEqualTo(ParsedText.visible("a" + character));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "*bold* _italic_ __underline__ ~strike~ ||spoiler|| => bold italic underline strike spoiler",
        "*bold _italic bold ~strike~ __under___ bold* => bold italic bold strike under bold",
        "[a link](https://example.org/a_(b\\)) => a link",
        "[telegram\\.org] => telegram.org",
        "`code with * and _ inside` => code with * and _ inside",
        "```java\\nint i = 1;``` => int i = 1;",
        "Version 1\\.0 \\- ready\\! => Version 1.0 - ready!",
        ">quoted line\\n>second line => quoted line\\nsecond line",
        "**>expandable\\n>quote|| => expandable\\nquote",
        "![👍](tg://emoji?id=5368324170671202286) => 👍",
        "\\\\ backslash => \\ backslash",
      })
  void validMarkdown_isShownWithoutMarkup(String markdown, String visible) {
    assertThat(TelegramMarkdownV2.parse(markdown.strip().replace("\\n", "\n")))
        .isEqualTo(ParsedText.visible(visible.strip().replace("\\n", "\n")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        // The server's own wording (tdlib's MessageEntity tests), byte offsets included.
        "🏟 🏟_abacaba => Can't find end of Italic entity at byte offset 9",
        "🏟 🏟_abac * asd => Can't find end of Bold entity at byte offset 15",
        "🏟 🏟` => Can't find end of Code entity at byte offset 9",
        "🏟 🏟``` => Can't find end of Pre entity at byte offset 9",
        "🏟 🏟```a b => Can't find end of PreCode entity at byte offset 9",
        "🏟 🏟__ => Can't find end of Underline entity at byte offset 9",
        "🏟 🏟||test\\| => Can't find end of Spoiler entity at byte offset 9",
        "[telegram\\.org](asd\\) => Can't find end of a URL at byte offset 16",
        "🏟 🏟![ => Can't find end of CustomEmoji entity at byte offset 9",
        "🏟 🏟![👍] => Custom emoji entity must contain a tg://emoji URL",
        "snake_case => Can't find end of Italic entity at byte offset 5",
        "a > b => Character '>' is reserved and must be escaped with the preceding '\\'",
      })
  void brokenMarkdown_isRejectedLikeTelegram(String markdown, String detail) {
    assertThat(TelegramMarkdownV2.parse(markdown.strip()))
        .isEqualTo(new ParsedText.Rejected("Bad Request: can't parse entities: " + detail.strip()));
  }

  @Test
  void insideCode_onlyTheBacktickIsSpecial() {
    assertThat(TelegramMarkdownV2.parse("`a.b (c) #d`"))
        .isEqualTo(ParsedText.visible("a.b (c) #d"));
  }

  @Test
  void visibleLength_countsCodePoints_notMarkup() {
    ParsedText parsed = TelegramMarkdownV2.parse("*😊*");

    assertThat(((ParsedText.Visible) parsed).length()).isEqualTo(1);
  }
}
