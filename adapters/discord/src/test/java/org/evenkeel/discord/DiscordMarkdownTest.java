package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordMarkdownTest {

  private static String render(String markup) {
    return DiscordMarkdown.render(StyledText.of(FormattedText.of(markup)));
  }

  private static String plain(String text) {
    return DiscordMarkdown.render(StyledText.plain(text));
  }

  @Test
  void boldAndItalic_becomeDiscordMarkers() {
    assertThat(render("Breathe *in* and _out_")).isEqualTo("Breathe **in** and _out_");
  }

  @Test
  void boldItalic_nestsTheMarkers() {
    assertThat(render("*_both_*")).isEqualTo("**_both_**");
  }

  @Test
  void spacesAtTheEdgesOfAStyledRun_stayOutsideTheMarkers() {
    // "** x**" would not render as bold on Discord
    assertThat(render("a* bold *b")).isEqualTo("a **bold** b");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "a*b*c => a\\*b\\*c",
        "snake_case_name => snake\\_case\\_name",
        "~~strike~~ => \\~\\~strike\\~\\~",
        "`code` => \\`code\\`",
        "||spoiler|| => \\|\\|spoiler\\|\\|",
        "[link](http://x) => \\[link\\](http://x)",
        "back\\slash => back\\\\slash",
        "<@123> => \\<@123>",
      })
  void whatAMemberWrites_isNeverFormatting(String written, String expected) {
    assertThat(plain(written)).isEqualTo(expected);
  }

  @Test
  void lineStartMarkers_areEscaped_onlyAtTheStartOfALine() {
    assertThat(plain("# not a heading\n> not a quote\n- not a list\n1. not numbered\na - b # c"))
        .isEqualTo(
            "\\# not a heading\n\\> not a quote\n\\- not a list\n1\\. not numbered\na - b # c");
  }

  @Test
  void everyoneAndHere_areNotMentions() {
    assertThat(plain("hi @everyone and @here")).isEqualTo("hi \\@everyone and \\@here");
  }

  @Test
  void webAddresses_areLeftAsWritten_soTheyStayLinks() {
    assertThat(plain("Call or visit https://findahelpline.com/countries_list now"))
        .isEqualTo("Call or visit https://findahelpline.com/countries_list now");
  }

  @Test
  void channelAndRoleTags_areLeftAsWritten() {
    assertThat(plain("posted in <#123456789012345678> for <@&42>"))
        .isEqualTo("posted in <#123456789012345678> for <@&42>");
  }
}
