package org.evenkeel.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evenkeel.core.text.FormattedText.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormattedTextTest {

  private static Span plain(String text) {
    return new Span(text, false, false);
  }

  private static Span bold(String text) {
    return new Span(text, true, false);
  }

  private static Span italic(String text) {
    return new Span(text, false, true);
  }

  @Test
  void boldAndItalic_becomeSpans() {
    assertThat(FormattedText.of("Tap *Stop* to finish, _gently_.").spans())
        .containsExactly(
            plain("Tap "), bold("Stop"), plain(" to finish, "), italic("gently"), plain("."));
  }

  @Test
  void nestedMarkers_combine() {
    assertThat(FormattedText.of("*very _much_ so*").spans())
        .containsExactly(bold("very "), new Span("much", true, true), bold(" so"));
  }

  @Test
  void plainText_dropsTheMarkers() {
    assertThat(FormattedText.of("*What I can do*\n/start: _set up_").plainText())
        .isEqualTo("What I can do\n/start: set up");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5 * 3 = 15",
        "one * star",
        "snake_case",
        "a lone _ underscore",
        "**",
        "*",
        "trailing *",
        "*not closed on\nthis line*",
      })
  void unmatchedOrEmptyMarkers_stayLiteral(String markup) {
    FormattedText text = FormattedText.of(markup);

    assertThat(text.plainText()).isEqualTo(markup);
    assertThat(text.spans()).allSatisfy(s -> assertThat(s.bold() || s.italic()).isFalse());
  }

  @Test
  void backslash_makesTheNextCharacterLiteral() {
    assertThat(FormattedText.of("\\*not bold\\* and a \\\\ backslash").spans())
        .containsExactly(plain("*not bold* and a \\ backslash"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*bold* and _italic_",
        "my_user_name",
        "a\\b",
        "\\*",
        "ends with a backslash \\",
        "**__**",
        "",
      })
  void escape_roundTripsAnyText(String text) {
    FormattedText escaped = FormattedText.plain(text);

    assertThat(escaped.plainText()).isEqualTo(text);
    assertThat(escaped.spans()).allSatisfy(s -> assertThat(s.bold() || s.italic()).isFalse());
  }

  @Test
  void memberTextWithMarkers_insertedIntoContent_staysLiteral() {
    String member = "*so* _tired_ of this*";
    FormattedText message = FormattedText.of("You wrote: *" + FormattedText.escape(member) + "*");

    assertThat(message.spans()).containsExactly(plain("You wrote: "), bold(member));
    assertThat(message.plainText()).isEqualTo("You wrote: " + member);
  }

  @Test
  void joinLine_putsALineBreakBetween_andSkipsAnEmptyStart() {
    FormattedText first = FormattedText.of("*One*");
    FormattedText second = FormattedText.of("two");

    assertThat(first.joinLine(second).markup()).isEqualTo("*One*\ntwo");
    assertThat(FormattedText.of("").joinLine(second)).isEqualTo(second);
  }

  @Test
  void nullMarkup_isRejectedWithItsName() {
    assertThatThrownBy(() -> FormattedText.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("markup must not be null");
  }
}
