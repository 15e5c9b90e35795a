package org.evenkeel.telegram;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.port.RateLimits.Rate;

/**
 * The rates Telegram messages are sent at (ARCHITECTURE.md, Sending), shared by every instance of
 * the bot through {@link org.evenkeel.core.port.RateLimits}. Telegram's documented limits are about
 * 30 messages a second per bot, one a second per chat (short bursts are tolerated) and 20 a minute
 * per group; a bot that goes over them gets 429s.
 *
 * @param global every message of the bot
 * @param chat every message to one chat, private or group
 * @param group every message to one group (on top of {@code chat})
 * @param proactive what the bot sends unasked (check-ins, celebrations), on top of the others; set
 *     below {@code global} so replies always keep room
 */
public record SendLimits(Rate global, Rate chat, Rate group, Rate proactive) {

  /** Telegram's documented limits, with a burst of three per chat and room for replies. */
  public static final SendLimits DEFAULTS =
      new SendLimits(
          Rate.perSecond(30),
          Rate.perSecond(1).withCapacity(3),
          Rate.perMinute(20),
          Rate.perSecond(20));

  public SendLimits {
    requireValue(global, "global");
    requireValue(chat, "chat");
    requireValue(group, "group");
    requireValue(proactive, "proactive");
  }
}
