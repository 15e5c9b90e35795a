package org.evenkeel.discord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.evenkeel.core.content.CommandMenu;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.Messages;
import org.evenkeel.core.port.CommunitySettings.Setting;
import org.evenkeel.core.schedule.CheckinSchedule;

/**
 * The slash commands, from content's command menu ({@code menu} in {@code content.yaml}): every
 * command of the private menu works in a DM and in a server (answered privately there), the
 * server-only ones in servers; descriptions in every language content describes them in that
 * Discord supports. Options where a command takes them: the mood of {@code /checkin} (1–5), {@code
 * /milestone}'s subcommands; and the admin command, {@code /evenkeel config …}, hidden from members
 * without Manage Server.
 */
final class SlashCommands {

  /**
   * {@code share:True}: in a server the answer is shown to the channel, as the member chose; it is
   * private otherwise. Offered only where showing something makes sense ({@code /milestone show}).
   */
  static final String SHARE_OPTION = "share";

  /** {@code /settings zone:…}, autocompleted with {@link ZoneSuggestions}. */
  static final String ZONE_OPTION = "zone";

  /**
   * Options that name what they answer: written into the arguments as "name value", so the flow's
   * first question (which setting?) is answered by the name ({@code /settings zone Europe/Berlin}).
   */
  static final java.util.Set<String> NAMED_OPTIONS = java.util.Set.of(ZONE_OPTION);

  private SlashCommands() {}

  static List<SlashCommandData> of(Content content) {
    CommandMenu menu = content.menu();
    Messages messages = content.messages();
    Set<String> everywhere = new LinkedHashSet<>(menu.privateChats());
    Set<String> all = new LinkedHashSet<>(everywhere);
    all.addAll(menu.groups());
    List<SlashCommandData> commands = new ArrayList<>();
    for (String name : all) {
      SlashCommandData command =
          Commands.slash(name, description(messages, messages.fallbackLocale(), name))
              .setDescriptionLocalizations(localizations(content, name))
              .setContexts(
                  everywhere.contains(name)
                      ? List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                      : List.of(InteractionContextType.GUILD));
      options(command, content);
      commands.add(command);
    }
    commands.add(admin(content));
    return commands;
  }

  private static void options(SlashCommandData command, Content content) {
    switch (command.getName()) {
      case "checkin" -> {
        OptionData mood =
            new OptionData(OptionType.INTEGER, "mood", "1 (very low) to 5 (very good)");
        for (int v = 1; v <= 5; v++) {
          mood.addChoice(Integer.toString(v), v);
        }
        command.addOptions(mood);
      }
      case "milestone" ->
          command.addSubcommands(
              new SubcommandData("show", "Show your counter")
                  .addOption(
                      OptionType.BOOLEAN,
                      SHARE_OPTION,
                      "Show it to the channel, not only to you",
                      false),
              new SubcommandData("set", "Start or change your counter")
                  .addOption(
                      OptionType.STRING, "date", "The date you began, e.g. 2026-01-31", true),
              new SubcommandData("slip", "Restart the count, kindly")
                  .addOption(OptionType.STRING, "note", "A line for your own history", false),
              new SubcommandData("visibility", "Who sees your counter here")
                  .addOptions(
                      new OptionData(OptionType.STRING, "mode", "Who sees it", true)
                          .addChoice("only me", "private")
                          .addChoice("this server", "server")
                          .addChoice("rounded (90+ days)", "rounded")
                          .addChoice("a role, no count", "role")),
              new SubcommandData("remove", "Delete your counter"));
      case "mood" ->
          command.addOptions(
              new OptionData(OptionType.INTEGER, "days", "How far back to look", false)
                  .addChoice("the last 7 days", 7)
                  .addChoice("the last 30 days", 30));
      case "pause" ->
          command.addOptions(
              new OptionData(OptionType.INTEGER, "days", "Pause for this many days", false)
                  .setRequiredRange(1, CheckinSchedule.MAX_PAUSE_DAYS));
      case "settings" ->
          command.addOptions(
              new OptionData(
                      OptionType.STRING, ZONE_OPTION, "Your time zone: start typing a city", false)
                  .setAutoComplete(true));
      default -> {}
    }
  }

  private static SlashCommandData admin(Content content) {
    OptionData sets =
        new OptionData(OptionType.STRING, AdminCommand.VALUE_OPTION, "Which set", true);
    content.milestoneSets().keySet().stream()
        .sorted()
        .limit(25)
        .forEach(id -> sets.addChoice(id, id));
    OptionData languages =
        new OptionData(OptionType.STRING, AdminCommand.VALUE_OPTION, "Which language", true);
    content.messages().locales().stream()
        .sorted()
        .limit(25)
        .forEach(l -> languages.addChoice(l, l));
    OptionData settings =
        new OptionData(OptionType.STRING, AdminCommand.SETTING_OPTION, "Which setting", true);
    for (Setting s : Setting.values()) {
      settings.addChoice(s.key(), s.key());
    }
    SubcommandGroupData config =
        new SubcommandGroupData(AdminCommand.GROUP, "This server's Evenkeel settings")
            .addSubcommands(
                new SubcommandData(AdminCommand.SHOW, "Show the settings"),
                new SubcommandData(
                        Setting.CELEBRATION_CHANNEL.key(), "Where milestones are celebrated")
                    .addOption(OptionType.CHANNEL, AdminCommand.VALUE_OPTION, "The channel", true),
                new SubcommandData(Setting.SAFETY_ROLE.key(), "Who may be alerted for safety")
                    .addOption(OptionType.ROLE, AdminCommand.VALUE_OPTION, "The role", true),
                new SubcommandData(Setting.MILESTONE_SET.key(), "Which milestones count")
                    .addOptions(sets),
                new SubcommandData(Setting.LANGUAGE.key(), "The server's language")
                    .addOptions(languages),
                new SubcommandData(AdminCommand.CLEAR, "Back to the default").addOptions(settings));
    return Commands.slash(AdminCommand.NAME, "Evenkeel settings for this server (admins)")
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
        .addSubcommandGroups(config);
  }

  private static String description(Messages messages, String locale, String name) {
    return CommandMenu.description(messages, locale, name);
  }

  /** Each described locale Discord knows, by its Discord locale; the fallback is the default. */
  private static Map<DiscordLocale, String> localizations(Content content, String name) {
    Map<DiscordLocale, String> out = new EnumMap<>(DiscordLocale.class);
    Messages messages = content.messages();
    for (String locale : content.menu().describedLocales(messages)) {
      if (locale.equals(messages.fallbackLocale())) {
        continue;
      }
      for (DiscordLocale discord : discordLocales(locale)) {
        out.put(discord, description(messages, locale, name));
      }
    }
    return out;
  }

  /**
   * Discord's locales for a content locale: {@code es} is Spain's and Latin America's Spanish,
   * {@code pt} Brazil's Portuguese, {@code en} both Englishes; a regional tag its own.
   */
  static List<DiscordLocale> discordLocales(String locale) {
    String tag = locale.replace('_', '-');
    DiscordLocale exact = DiscordLocale.from(tag);
    if (exact != DiscordLocale.UNKNOWN) {
      return List.of(exact);
    }
    String language = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
    List<DiscordLocale> out = new ArrayList<>();
    for (DiscordLocale d : DiscordLocale.values()) {
      if (d != DiscordLocale.UNKNOWN && d.getLocale().split("-", 2)[0].equals(language)) {
        out.add(d);
      }
    }
    return out;
  }
}
