package org.evenkeel.discord;

import static org.evenkeel.core.content.RequiredMessages.ADMIN_CLEARED;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_CURRENT;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_NOTHING_SET;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_NOT_ALLOWED;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_SAVED;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_SERVERS_ONLY;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_UNAVAILABLE;
import static org.evenkeel.core.content.RequiredMessages.ADMIN_UNKNOWN_VALUE;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.CommunitySettings.Setting;
import org.evenkeel.core.port.StoreUnavailableException;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;

/**
 * {@code /evenkeel config …}: a server's settings (celebration channel, safety role, milestone set,
 * language), for members with the Manage Server permission only. Discord hides the command from
 * others ({@code default_member_permissions}), but a server may change that, so the bot checks the
 * permission itself as well. Every answer is ephemeral, in the admin's language.
 *
 * <p>This does not go through the engine: it changes the server's settings, not a member's
 * conversation, and setting a value twice is the same as once.
 */
public final class AdminCommand {

  static final String NAME = "evenkeel";
  static final String GROUP = "config";
  static final String SHOW = "show";
  static final String CLEAR = "clear";

  /** The option of each setting's subcommand (and of {@code clear}: which setting). */
  static final String VALUE_OPTION = "value";

  static final String SETTING_OPTION = "setting";

  private final ContentSource content;
  private final CommunitySettings settings;

  public AdminCommand(ContentSource content, CommunitySettings settings) {
    this.content = content;
    this.settings = settings;
  }

  void handle(SlashCommandInteractionEvent event) {
    String locale = event.getUserLocale().getLocale().split("-")[0].toLowerCase(Locale.ROOT);
    event.reply(answer(event, locale)).setEphemeral(true).queue(ok -> {}, error -> {});
  }

  private MessageCreateData answer(SlashCommandInteractionEvent event, String locale) {
    return new MessageCreateBuilder()
        .setContent(DiscordMarkdown.render(StyledText.of(decide(event, locale))))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .build();
  }

  private FormattedText decide(SlashCommandInteractionEvent event, String locale) {
    Content current = content.current();
    if (!event.isFromGuild()) {
      return say(current, locale, ADMIN_SERVERS_ONLY, Map.of());
    }
    Member member = event.getMember();
    if (member == null || !member.hasPermission(Permission.MANAGE_SERVER)) {
      return say(current, locale, ADMIN_NOT_ALLOWED, Map.of());
    }
    String guild = event.getGuild().getId();
    String sub = Optional.ofNullable(event.getSubcommandName()).orElse(SHOW);
    try {
      if (sub.equals(SHOW)) {
        return show(current, locale, settings.read(DiscordMapper.PLATFORM, guild));
      }
      if (sub.equals(CLEAR)) {
        Setting setting =
            Setting.of(option(event, SETTING_OPTION)).orElse(Setting.CELEBRATION_CHANNEL);
        settings.clear(DiscordMapper.PLATFORM, guild, setting);
        return say(current, locale, ADMIN_CLEARED, Map.of("setting", setting.key()));
      }
      Optional<Setting> setting = Setting.of(sub);
      if (setting.isEmpty()) {
        return say(current, locale, ADMIN_UNKNOWN_VALUE, Map.of("value", sub, "setting", GROUP));
      }
      String value = option(event, VALUE_OPTION);
      if (!acceptable(current, setting.get(), value)) {
        return say(
            current,
            locale,
            ADMIN_UNKNOWN_VALUE,
            Map.of("value", value, "setting", setting.get().key()));
      }
      settings.put(DiscordMapper.PLATFORM, guild, setting.get(), value);
      return say(
          current,
          locale,
          ADMIN_SAVED,
          Map.of("setting", setting.get().key(), "value", shown(setting.get(), value)));
    } catch (StoreUnavailableException e) {
      return say(current, locale, ADMIN_UNAVAILABLE, Map.of());
    }
  }

  /** Channels and roles come as ids from Discord's pickers; sets and languages from content. */
  private static boolean acceptable(Content current, Setting setting, String value) {
    return switch (setting) {
      case CELEBRATION_CHANNEL, SAFETY_ROLE -> value.matches("[0-9]{1,20}");
      case MILESTONE_SET -> current.milestoneSets().containsKey(value);
      case LANGUAGE -> current.messages().locales().contains(value);
    };
  }

  private static String shown(Setting setting, String value) {
    return switch (setting) {
      case CELEBRATION_CHANNEL -> "<#" + value + ">";
      case SAFETY_ROLE -> "<@&" + value + ">";
      case MILESTONE_SET, LANGUAGE -> value;
    };
  }

  private static FormattedText show(Content current, String locale, Map<Setting, String> set) {
    if (set.isEmpty()) {
      return say(current, locale, ADMIN_NOTHING_SET, Map.of());
    }
    StringJoiner lines = new StringJoiner("\n");
    set.forEach((setting, value) -> lines.add(setting.key() + ": " + shown(setting, value)));
    return say(current, locale, ADMIN_CURRENT, Map.of("settings", lines.toString()));
  }

  private static String option(SlashCommandInteractionEvent event, String name) {
    OptionMapping option = event.getOption(name);
    return option == null ? "" : option.getAsString();
  }

  private static FormattedText say(
      Content current, String locale, String key, Map<String, String> params) {
    String text = current.messages().get(locale, key);
    for (Map.Entry<String, String> p : params.entrySet()) {
      text = text.replace("{" + p.getKey() + "}", FormattedText.escape(p.getValue()));
    }
    return FormattedText.of(text);
  }
}
