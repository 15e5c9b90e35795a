package org.evenkeel.telegram;

import java.util.List;

/**
 * The update types Evenkeel asks Telegram for, by webhook ({@code setWebhook}) or long polling
 * ({@code getUpdates}): one list, so both modes receive the same updates.
 */
public final class AllowedUpdates {

  /**
   * The {@code allowed_updates} list (https://core.telegram.org/bots/api#update for the names).
   *
   * <ul>
   *   <li>{@code message}: private texts and commands, and group commands;
   *   <li>{@code edited_message} and {@code channel_post}: received so they are acknowledged and
   *       deliberately ignored rather than piling up;
   *   <li>{@code callback_query}: inline keyboard presses;
   *   <li>{@code my_chat_member}: the member blocked or unblocked the bot, or the bot was removed
   *       from a group.
   * </ul>
   *
   * Anything else (inline queries, polls, reactions, payments) Evenkeel does not use; asking for it
   * would only cost traffic.
   */
  public static final List<String> TYPES =
      List.of("message", "edited_message", "callback_query", "my_chat_member", "channel_post");

  private AllowedUpdates() {}
}
