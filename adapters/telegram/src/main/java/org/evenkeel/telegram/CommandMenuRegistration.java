package org.evenkeel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evenkeel.core.content.CommandMenu;
import org.evenkeel.core.content.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sets the bot's command menu (the list Telegram shows after "/") from the content's {@link
 * CommandMenu}: one list for private chats and one for groups, in the fallback locale for everyone
 * and in each further locale that describes its commands, for members whose Telegram speaks it.
 *
 * <p>Done at every start, so a content change shows up after a restart. A menu Telegram refuses is
 * logged and skipped: the bot works without it (commands typed in full still arrive).
 */
public final class CommandMenuRegistration {

  private static final Logger log = LoggerFactory.getLogger(CommandMenuRegistration.class);

  private final TelegramClient client;

  public CommandMenuRegistration(TelegramClient client) {
    this.client = client;
  }

  /**
   * Sets every menu of {@code content}.
   *
   * @return how many menus Telegram took
   */
  public int register(Content content) {
    int set = 0;
    for (SetMyCommands method : methods(content)) {
      try {
        client.execute(method);
        set++;
      } catch (TelegramApiRequestException e) {
        log.warn(
            "telegram: the command menu for {} {} was refused ({}); continuing without it",
            method.getScope().getType(),
            language(method),
            e.getErrorCode());
      } catch (TelegramApiException e) {
        log.warn(
            "telegram: the command menu for {} {} could not be set (no answer); continuing"
                + " without it",
            method.getScope().getType(),
            language(method));
      }
    }
    return set;
  }

  /** The setMyCommands calls for {@code content}'s menus, private chats first. */
  static List<SetMyCommands> methods(Content content) {
    CommandMenu menu = content.menu();
    String fallback = content.messages().fallbackLocale();
    List<SetMyCommands> methods = new ArrayList<>();
    for (String locale : menu.describedLocales(content.messages())) {
      String languageCode = locale.equals(fallback) ? null : languageCode(locale);
      add(
          methods,
          content,
          locale,
          languageCode,
          menu.privateChats(),
          new BotCommandScopeAllPrivateChats());
      add(
          methods,
          content,
          locale,
          languageCode,
          menu.groups(),
          new BotCommandScopeAllGroupChats());
    }
    return methods;
  }

  private static void add(
      List<SetMyCommands> methods,
      Content content,
      String locale,
      String languageCode,
      List<String> commands,
      BotCommandScope scope) {
    if (commands.isEmpty()) {
      return;
    }
    List<BotCommand> list =
        commands.stream()
            .map(c -> new BotCommand(c, CommandMenu.description(content.messages(), locale, c)))
            .toList();
    methods.add(
        SetMyCommands.builder().commands(list).scope(scope).languageCode(languageCode).build());
  }

  /** Telegram's language codes are two-letter ISO 639-1: {@code pt-BR} is {@code pt}. */
  static String languageCode(String locale) {
    return locale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
  }

  private static String language(SetMyCommands method) {
    return method.getLanguageCode() == null ? "(all languages)" : method.getLanguageCode();
  }
}
