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
   *   <li>{@code callback_query}: inline keyboard presses;
   *   <li>{@code my_chat_member}: the member blocked or unblocked the bot, or the bot was removed
   *       from a group.
   * </ul>
   *
   * Anything else Evenkeel does not use, so it is not even fetched: edited messages (the member's
   * first words were already answered), channel posts, inline queries, polls, reactions, payments.
   * Telegram does not keep an update of a type not asked for.
   */
  public static final List<String> TYPES = List.of("message", "callback_query", "my_chat_member");

  private AllowedUpdates() {}
}
