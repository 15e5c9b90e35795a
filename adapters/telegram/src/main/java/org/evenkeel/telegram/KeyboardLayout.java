package org.evenkeel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.Choice;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Lays choices out as an inline keyboard that reads well on a phone.
 *
 * <p>Telegram gives every button of a row the same width, so a row is as wide as its widest label
 * times its number of buttons. Buttons are placed in order; the next one joins the current row
 * while {@code buttons × (widest label + }{@value #BUTTON_PADDING}{@code )} stays within {@value
 * #ROW_WIDTH} columns and the row has fewer than {@value #MAX_PER_ROW} buttons, else it starts a
 * new row. In effect: a 1–5 scale or Yes/No shares one row, labels of about ten characters go two
 * to a row, and a label of fourteen or more has a row of its own. Emoji and East Asian characters
 * count two columns, joiners and accents none.
 */
final class KeyboardLayout {

  /**
   * Columns of label text a row of buttons shows on a portrait phone before labels get cut off: a
   * design choice measured by eye in Telegram's apps at the default text size, not a platform
   * limit.
   */
  static final int ROW_WIDTH = 30;

  /** Columns each button loses to its border and margins, in the same rough unit. */
  static final int BUTTON_PADDING = 2;

  /** Most buttons in a row, however short: more is hard to hit with a thumb. */
  static final int MAX_PER_ROW = 5;

  /**
   * "Data to be sent in a callback query to the bot when the button is pressed, 1-64 bytes"
   * (core.telegram.org/bots/api#inlinekeyboardbutton).
   */
  static final int CALLBACK_DATA_MAX_BYTES = 64;

  private KeyboardLayout() {}

  /** The keyboard for {@code choices}, or none when there are no choices. */
  static Optional<InlineKeyboardMarkup> keyboard(List<Choice> choices) {
    if (choices.isEmpty()) {
      return Optional.empty();
    }
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (List<Choice> row : rows(choices)) {
      rows.add(new InlineKeyboardRow(row.stream().map(KeyboardLayout::button).toList()));
    }
    return Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
  }

  /** The rows {@code choices} are placed in, by the rule of the class comment. */
  static List<List<Choice>> rows(List<Choice> choices) {
    List<List<Choice>> rows = new ArrayList<>();
    List<Choice> row = new ArrayList<>();
    int widest = 0;
    for (Choice choice : choices) {
      int width = width(choice.label());
      int widestWith = Math.max(widest, width);
      boolean fits =
          row.size() < MAX_PER_ROW && (row.size() + 1) * (widestWith + BUTTON_PADDING) <= ROW_WIDTH;
      if (!row.isEmpty() && !fits) {
        rows.add(List.copyOf(row));
        row.clear();
        widestWith = width;
      }
      row.add(choice);
      widest = widestWith;
    }
    rows.add(List.copyOf(row));
    return rows;
  }

  /**
   * {@code payload} as {@code callback_data}. {@link Choice} already holds payloads to the same
   * limit; checked again here because Telegram answers a longer one with a bare
   * "BUTTON_DATA_INVALID" that names neither the button nor the problem.
   *
   * @throws IllegalArgumentException naming the button and the size, if it is not 1-64 bytes
   */
  static String callbackData(String label, String payload) {
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
      throw new IllegalArgumentException(
          "callback_data of button '"
              + label
              + "' is "
              + bytes
              + " bytes of UTF-8; Telegram accepts 1-"
              + CALLBACK_DATA_MAX_BYTES);
    }
    return payload;
  }

  /** How wide {@code label} looks, in columns of a Latin letter. */
  static int width(String label) {
    return label.codePoints().map(KeyboardLayout::columns).sum();
  }

  private static InlineKeyboardButton button(Choice choice) {
    return InlineKeyboardButton.builder()
        .text(choice.label())
        .callbackData(callbackData(choice.label(), choice.payload()))
        .build();
  }

  private static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0; // accents, zero-width joiners and spaces, direction marks
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return 0; // variation selectors, skin tones: part of the emoji before them
    }
    boolean wide =
        cp >= 0x1F000 // emoji and pictographs
            || (cp >= 0x1100 && cp <= 0x115F) // Hangul jamo
            || (cp >= 0x2E80 && cp <= 0xA4CF) // CJK, kana, Yi
            || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
            || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility
            || (cp >= 0xFF00 && cp <= 0xFF60); // full-width forms
    return wide ? 2 : 1;
  }
}
