package org.evenkeel.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramHtmlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "<b>bold</b> and <strong>strong</strong>                  | bold and strong",
        "<i>i</i><em>em</em><u>u</u><ins>ins</ins>                | iemuins",
        "<s>s</s><strike>strike</strike><del>del</del>            | sstrikedel",
        "<span class=\"tg-spoiler\">hidden</span>                  | hidden",
        "<tg-spoiler>hidden</tg-spoiler>                           | hidden",
        "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>     | link",
        "<code>x &lt; y</code>                                     | x < y",
        "<pre><code class=\"language-java\">int i;</code></pre>      | int i;",
        "<blockquote expandable>quoted</blockquote>                | quoted",
        "&lt;&gt;&amp;&quot;&#169;&#x1F60A;                        | <>&\"©😊",
        "Tom &amp; Jerry > Jerry                                   | Tom & Jerry > Jerry",
        "<B>upper-case tags</B>                                    | upper-case tags",
        "<i>closed</> by                                           | closed by",
        "<b><i>nested</i> bold</b>                                 | nested bold",
      })
  void acceptedMarkup_isShownWithoutTags(String html, String visible) {
    assertThat(TelegramHtml.parse(html.strip())).isEqualTo(ParsedText.visible(visible.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // The server's own wording (tdlib's MessageEntity tests), byte offsets included.
        "🏟 🏟&lt;<abacaba                | Unclosed start tag at byte offset 13",
        "🏟 🏟&lt;<abac aba>              | Unsupported start tag \"abac\" at byte offset 13",
        "🏟 🏟&lt;<i   =aba>              | Empty attribute name in the tag \"i\" at byte offset 13",
        "🏟 🏟&lt;<i    aba>              | Can't find end tag corresponding to start tag \"i\"",
        "🏟 🏟&lt;</                      | Unexpected end tag at byte offset 13",
        "🏟 🏟&lt;<b></b></               | Unexpected end tag at byte offset 20",
        "🏟 🏟&lt;<i>a</i                 | Unclosed end tag at byte offset 17",
        "🏟 🏟&lt;<i>a</em   >            | `Unmatched end tag at byte offset 17, expected \"</i>\", found \"</em>\"`",
        "<b>bold                          | Can't find end tag corresponding to start tag \"b\"",
        "<b><i>crossed</b></i>            | `Unmatched end tag at byte offset 13, expected \"</i>\", found \"</b>\"`",
        "<p>paragraph</p>                 | Unsupported start tag \"p\" at byte offset 0",
        "<br>                             | Unsupported start tag \"br\" at byte offset 0",
        "2 < 3                            | Unsupported start tag \"\" at byte offset 2",
        "x<3                              | Unclosed start tag at byte offset 1",
        "<span>not a spoiler</span>       | Tag \"span\" must have class \"tg-spoiler\" at byte offset 0",
        // Stricter than the server, as the documentation asks: a bare & must be &amp;.
        "Tom & Jerry                      | Unescaped \"&\" at byte offset 4, write it as \"&amp;\"",
        "&nbsp;                           | Unescaped \"&\" at byte offset 0, write it as \"&amp;\"",
      })
  void brokenMarkup_isRejectedLikeTelegram(String html, String detail) {
    assertThat(TelegramHtml.parse(html.strip()))
        .isEqualTo(new ParsedText.Rejected("Bad Request: can't parse entities: " + detail.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"&#57311;", "&#xDFDF;"})
  void entityForALoneSurrogate_isRejected(String html) {
    assertThat(TelegramHtml.parse(html))
        .isEqualTo(
            new ParsedText.Rejected(
                "Bad Request: Text contains invalid Unicode characters after decoding HTML"
                    + " entities, check for unmatched surrogate code units"));
  }
}
