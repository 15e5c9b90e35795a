package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.evenkeel.core.effect.Choice;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

class KeyboardLayoutTest {

  @Test
  void aMoodScale_sharesOneRow() {
    assertThat(labels(rows("1", "2", "3", "4", "5")))
        .containsExactly(List.of("1", "2", "3", "4", "5"));
  }

  @Test
  void veryShortLabels_goAtMostFiveToARow() {
    List<List<String>> rows = labels(rows("1", "2", "3", "4", "5", "6", "7"));

    assertThat(rows).containsExactly(List.of("1", "2", "3", "4", "5"), List.of("6", "7"));
  }

  @Test
  void yesAndNo_shareARow() {
    assertThat(labels(rows("Yes", "No"))).containsExactly(List.of("Yes", "No"));
  }

  @Test
  void aLabelledScale_keepsItsLongEndsOnRowsOfTheirOwn() {
    List<List<String>> rows = labels(rows("1 · Really rough", "2", "3", "4", "5 · Really good"));

    assertThat(rows)
        .containsExactly(
            List.of("1 · Really rough"), List.of("2", "3", "4"), List.of("5 · Really good"));
  }

  @Test
  void mediumLabels_goTwoToARow() {
    List<List<String>> rows = labels(rows("Country", "Time zone", "Check-in time", "Cancel"));

    assertThat(rows)
        .containsExactly(List.of("Country", "Time zone"), List.of("Check-in time", "Cancel"));
  }

  @Test
  void longLabels_haveARowEach() {
    List<List<String>> rows =
        labels(rows("A grounding exercise", "Some slow breathing", "Just log it"));

    assertThat(rows)
        .containsExactly(
            List.of("A grounding exercise"),
            List.of("Some slow breathing"),
            List.of("Just log it"));
  }

  @Test
  void emoji_countTwoColumns_soFewerShareARow() {
    assertThat(KeyboardLayout.width("😀😀")).isEqualTo(4);
    assertThat(KeyboardLayout.width("e\u0301\u200D")).isEqualTo(1);
    assertThat(labels(rows("😀😀😀😀😀😀", "😀😀😀😀😀😀"))).hasSize(1);
    assertThat(labels(rows("😀😀😀😀😀😀😀", "😀😀😀😀😀😀😀"))).hasSize(2);
  }

  @Test
  void theKeyboard_carriesEachPayloadAsCallbackData_inOrder() {
    List<Choice> choices = List.of(new Choice("Yes", "s1.yes"), new Choice("No", "s1.no"));

    InlineKeyboardMarkup keyboard = KeyboardLayout.keyboard(choices).orElseThrow();

    assertThat(keyboard.getKeyboard()).hasSize(1);
    assertThat(keyboard.getKeyboard().get(0))
        .extracting(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Yes", "s1.yes"),
            org.assertj.core.groups.Tuple.tuple("No", "s1.no"));
  }

  @Test
  void noChoices_isNoKeyboard() {
    assertThat(KeyboardLayout.keyboard(List.of())).isEmpty();
  }

  @Test
  void callbackDataOf64Bytes_isAccepted() {
    String payload = "é".repeat(32);

    assertThat(KeyboardLayout.callbackData("Ok", payload)).isEqualTo(payload);
  }

  @Test
  void callbackDataOver64Bytes_isRefused_namingTheButtonAndTheSize() {
    assertThatThrownBy(() -> KeyboardLayout.callbackData("Breathe", "é".repeat(32) + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "callback_data of button 'Breathe' is 65 bytes of UTF-8; Telegram accepts 1-64");
  }

  @Test
  void emptyCallbackData_isRefused() {
    assertThatThrownBy(() -> KeyboardLayout.callbackData("Breathe", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is 0 bytes");
  }

  private static List<List<Choice>> rows(String... labels) {
    return KeyboardLayout.rows(
        IntStream.range(0, labels.length).mapToObj(i -> new Choice(labels[i], "s1." + i)).toList());
  }

  private static List<List<String>> labels(List<List<Choice>> rows) {
    return rows.stream().map(r -> r.stream().map(Choice::label).toList()).toList();
  }
}
