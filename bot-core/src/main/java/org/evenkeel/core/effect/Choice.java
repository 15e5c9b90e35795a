package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.nio.charset.StandardCharsets;

/**
 * A button offered with a message.
 *
 * @param label what the button says (already localised)
 * @param payload opaque data returned when it is tapped
 */
public record Choice(String label, String payload) {

  /**
   * Longest label, in characters: Discord's button label limit (80), the tighter of our platforms
   * (discord.com/developers/docs/components/reference#button). Telegram documents no limit.
   */
  public static final int LABEL_MAX_LENGTH = 80;

  /**
   * Longest payload, in UTF-8 bytes: Telegram's {@code callback_data} limit of 1–64 bytes
   * (core.telegram.org/bots/api#inlinekeyboardbutton); Discord's custom_id allows 100.
   */
  public static final int PAYLOAD_MAX_BYTES = 64;

  public Choice {
    requireValue(label, "label");
    requireValue(payload, "payload");
    require(!label.isBlank(), "button label must not be blank");
    require(
        label.length() <= LABEL_MAX_LENGTH,
        "button label over " + LABEL_MAX_LENGTH + " characters: '" + label + "'");
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    require(
        bytes >= 1 && bytes <= PAYLOAD_MAX_BYTES,
        "button payload must be 1-" + PAYLOAD_MAX_BYTES + " bytes but was " + bytes);
  }
}
