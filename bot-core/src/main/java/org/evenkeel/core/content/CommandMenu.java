package org.evenkeel.core.content;

import java.util.List;

/**
 * The commands a platform shows in its command menu (Telegram's "/" list, Discord's slash
 * commands), in order, from {@code content.yaml}'s {@code menu}: everything a member can do in a
 * private chat, and the few that work in a group. Each command's short description is the message
 * {@code commands.<name>} in every locale that has it, the fallback locale's for the others.
 *
 * @param privateChats the commands of a private chat with the bot
 * @param groups the commands offered in groups and servers
 */
public record CommandMenu(List<String> privateChats, List<String> groups) {

  /** What the description of a command is called in the messages. */
  public static final String DESCRIPTION_PREFIX = "commands.";

  /**
   * The longest description: Discord allows 100 characters (Telegram 256), and a menu line is read
   * at a glance.
   */
  public static final int DESCRIPTION_MAX_LENGTH = 100;

  /** A command's name: what Telegram and Discord both accept, 1-32 of a-z, 0-9 and _. */
  public static final String NAME_PATTERN = "[a-z0-9_]{1,32}";

  /** An empty menu. */
  public static final CommandMenu NONE = new CommandMenu(List.of(), List.of());

  public CommandMenu {
    privateChats = List.copyOf(privateChats);
    groups = List.copyOf(groups);
  }

  /** The message key of {@code command}'s description. */
  public static String descriptionKey(String command) {
    return DESCRIPTION_PREFIX + command;
  }

  /** {@code command}'s description in {@code locale}, else in the fallback locale. */
  public static String description(Messages messages, String locale, String command) {
    return messages.get(locale, descriptionKey(command));
  }

  /**
   * The locales that describe at least one menu command in their own words, the fallback locale
   * first: a platform shows each of them its own menu, and everyone else the fallback's.
   */
  public List<String> describedLocales(Messages messages) {
    List<String> locales = new java.util.ArrayList<>(List.of(messages.fallbackLocale()));
    for (String locale : new java.util.TreeSet<>(messages.locales())) {
      if (!locale.equals(messages.fallbackLocale())
          && java.util.stream.Stream.concat(privateChats.stream(), groups.stream())
              .anyMatch(c -> messages.findOwn(locale, descriptionKey(c)).isPresent())) {
        locales.add(locale);
      }
    }
    return locales;
  }
}
