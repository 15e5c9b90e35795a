package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.Test;

/** The slash commands made from the real content's command menu. */
class SlashCommandsTest {

  private final Content content = TestContent.load();
  private final Map<String, SlashCommandData> commands =
      SlashCommands.of(content).stream()
          .collect(Collectors.toMap(SlashCommandData::getName, c -> c));

  @Test
  void everyMenuCommand_isASlashCommand_describedByContent() {
    assertThat(commands.keySet()).containsAll(content.menu().privateChats());
    assertThat(commands.keySet()).containsAll(content.menu().groups());
    assertThat(commands.get("breathe").getDescription())
        .isEqualTo(content.messages().get("en", "commands.breathe"));
  }

  @Test
  void memberCommands_workInDmsAndServers() {
    assertThat(commands.get("ground").getContexts())
        .containsExactlyInAnyOrder(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
  }

  @Test
  void checkin_offersTheMoodAsChoicesOneToFive() {
    var mood = commands.get("checkin").getOptions().get(0);
    assertThat(mood.getName()).isEqualTo("mood");
    assertThat(mood.getChoices())
        .extracting(c -> c.getAsLong())
        .containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void mood_offersAWeekOrAMonth_andPause_takesOneToAYearOfDays() {
    var days = commands.get("mood").getOptions().get(0);
    assertThat(days.getChoices()).extracting(c -> c.getAsLong()).containsExactly(7L, 30L);
    var pause = commands.get("pause").getOptions().get(0);
    assertThat(pause.getName()).isEqualTo("days");
    assertThat(pause.getMinValue()).isEqualTo(1L);
    assertThat(pause.getMaxValue()).isEqualTo(366L);
    assertThat(pause.isRequired()).isFalse();
  }

  @Test
  void milestone_hasItsSubcommands() {
    assertThat(commands.get("milestone").getSubcommands())
        .extracting(s -> s.getName())
        .containsExactly("show", "set", "slip", "visibility", "remove");
  }

  @Test
  void theAdminCommand_isForServersOnly_andHiddenFromMembersWithoutManageServer() {
    SlashCommandData admin = commands.get(AdminCommand.NAME);

    assertThat(admin.getContexts()).containsExactly(InteractionContextType.GUILD);
    assertThat(admin.getDefaultPermissions().getPermissionsRaw())
        .isEqualTo(Permission.MANAGE_SERVER.getRawValue());
    assertThat(admin.getSubcommandGroups())
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.getSubcommands())
                    .extracting(s -> s.getName())
                    .contains(
                        "show",
                        "celebration_channel",
                        "safety_role",
                        "milestone_set",
                        "language",
                        "clear"));
  }

  @Test
  void discordLocales_coverEveryRegionOfALanguage() {
    assertThat(SlashCommands.discordLocales("es"))
        .containsExactlyInAnyOrder(DiscordLocale.SPANISH, DiscordLocale.SPANISH_LATAM);
    assertThat(SlashCommands.discordLocales("pt-BR"))
        .containsExactly(DiscordLocale.PORTUGUESE_BRAZILIAN);
    assertThat(SlashCommands.discordLocales("de")).containsExactly(DiscordLocale.GERMAN);
    assertThat(SlashCommands.discordLocales("xx")).isEqualTo(List.of());
  }
}
