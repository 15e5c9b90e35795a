package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.discord.fake.FakeDiscord;
import org.evenkeel.discord.fake.FakeGuild;
import org.evenkeel.discord.fake.FakeInteraction;
import org.evenkeel.discord.fake.FakeUser;
import org.evenkeel.discord.fake.SentMessage;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole bot on Discord, as {@code DISCORD_BOT_TOKEN=… ./evenkeel} runs it, against the fake
 * Discord through the real JDA, on Redis (so the tests can read what was stored): a DM grounding
 * with buttons, a server's slash command answered privately, a note written in a form, the admin
 * command's permission check, {@code /sos} mid-flow, a member who cannot be messaged, a gateway
 * that drops mid-flow.
 */
@ExtendWith(RedisServerExtension.class)
class DiscordFlowsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final FakeDiscord discord = FakeDiscord.start();
  private final FakeUser ann = discord.user("ann");
  private final FakeUser ben = discord.user("ben");
  private final FakeGuild circle =
      discord.guild("Recovery Circle").member(ann, false).member(ben, true);
  private final RedisStore store;
  private final Map<String, String> env = new HashMap<>();
  private RunningBot bot;

  DiscordFlowsIT(TestRedis redis) {
    this.store = new RedisStore(redis.client());
    env.put(Launcher.DISCORD_BOT_TOKEN, FakeDiscord.TOKEN);
    env.put(DiscordStart.DISCORD_API_URL, discord.restBaseUrl());
    env.put(DiscordStart.DISCORD_GATEWAY_URL, discord.gatewayUrl());
    env.put(Launcher.REDIS_URL, redis.url());
  }

  /** Starts the bot once Redis was emptied for the test, and waits until it is connected. */
  @org.junit.jupiter.api.BeforeEach
  void start() throws Exception {
    bot = RunningBot.withEnvironment(env);
    // the commands are registered once the bot is connected
    await()
        .atMost(WAIT)
        .until(
            () ->
                bot.ended()
                    || discord.calls().stream()
                        .anyMatch(c -> c.is("PUT", "applications/.*/commands")));
    if (bot.ended()) {
      bot.stop(); // throws what stopped it
      throw new AssertionError("the bot stopped by itself");
    }
  }

  @AfterEach
  void close() throws Exception {
    bot.stop();
    discord.close();
  }

  private ConversationAddress dm(FakeUser user) {
    return ConversationAddress.direct("discord", user.id());
  }

  private SentMessage last(FakeUser user) {
    List<SentMessage> all = discord.messagesFor(user);
    return all.get(all.size() - 1);
  }

  @Test
  void theSlashCommands_areRegistered_withTheAdminCommandForManageServerOnly() {
    var commands = discord.registeredCommands("");
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < commands.length(); i++) {
      names.add(commands.getObject(i).getString("name"));
    }
    assertThat(names).contains("ground", "breathe", "checkin", "sos", "milestone", "evenkeel");
    for (int i = 0; i < commands.length(); i++) {
      if (commands.getObject(i).getString("name").equals("evenkeel")) {
        assertThat(commands.getObject(i).getString("default_member_permissions")).isEqualTo("32");
      }
    }
  }

  @Test
  void groundingInADm_withButtonsAndTypedAnswers_goesToTheEnd() {
    discord.sendDm(ann, "/ground");
    discord.awaitMessage(ann, "Find **5 things you can see**");

    discord.sendDm(ann, "a lamp, a cup, my hands, the door, a plant");
    SentMessage touch = discord.awaitMessage(ann, "**4 things you can feel**");
    discord.pressButton(ann, touch, touch.buttonId("Done"));
    SentMessage hear = discord.awaitMessage(ann, "**3 things you can hear**");
    discord.pressButton(ann, hear, hear.buttonId("Done"));
    SentMessage smell = discord.awaitMessage(ann, "**2 things you can smell**");
    discord.pressButton(ann, smell, smell.buttonId("Done"));
    SentMessage taste = discord.awaitMessage(ann, "**1 thing you can taste**");
    discord.pressButton(ann, taste, taste.buttonId("Done"));
    SentMessage after = discord.awaitMessage(ann, "You did it.");
    discord.pressButton(ann, after, after.buttonId("I'm OK"));

    discord.awaitMessage(ann, "I'm glad. Go gently.");
    assertThat(store.load(dm(ann)).session().flow()).isEmpty();
    assertThat(discord.messagesFor(ann)).noneMatch(SentMessage::ephemeral);
  }

  @Test
  void aSlashCommandInAServer_isAnsweredOnlyToTheMember() {
    FakeInteraction help = discord.slashCommand(ann, circle, "help", null, null, Map.of());

    SentMessage answer = discord.awaitMessage(ann, "What I can do");
    assertThat(answer.ephemeral()).isTrue();
    assertThat(answer.guildId()).contains(circle.id());
    assertThat(discord.callbacks(help))
        .singleElement()
        .satisfies(c -> assertThat(c.body().getObject("data").getInt("flags")).isEqualTo(64));
  }

  @Test
  void aGratitudeNote_writtenInTheFormInAServer_isSavedInTheJournal() {
    discord.slashCommand(ann, circle, "gratitude", null, null, Map.of());
    SentMessage question = discord.awaitMessage(ann, "What's one good thing");
    assertThat(question.ephemeral()).isTrue();

    FakeInteraction open =
        discord.pressButton(ann, question, question.buttonId("✍️ Write your answer"));
    await().atMost(WAIT).until(() -> !discord.callbacks(open).isEmpty());
    assertThat(discord.callbacks(open).get(0).body().getInt("type")).isEqualTo(9);
    discord.submitModal(ann, circle, "answer", "text", "my sister called");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        store
                            .load(new ConversationAddress("discord", circle.id(), ann.id()))
                            .recentJournal())
                    .extracting(JournalEntry::text)
                    .contains("my sister called"));
  }

  @Test
  void theAdminCommand_isRefusedWithoutManageServer_andSavedWithIt() {
    discord.slashCommand(ann, circle, "evenkeel", "config", "language", Map.of("value", "en"));
    SentMessage refused = discord.awaitMessage(ann, "Only members who can manage this server");
    assertThat(refused.ephemeral()).isTrue();

    discord.slashCommand(ben, circle, "evenkeel", "config", "language", Map.of("value", "en"));
    discord.awaitMessage(ben, "Saved: language is now en.");
    discord.slashCommand(ben, circle, "evenkeel", "config", "show", Map.of());
    discord.awaitMessage(ben, "language: en");
  }

  @Test
  void sos_inTheMiddleOfAFlow_bringsTheCrisisCardAtOnce() {
    discord.sendDm(ann, "/ground");
    discord.awaitMessage(ann, "Find **5 things you can see**");

    discord.slashCommand(ann, null, "sos", null, null, Map.of());

    discord.awaitMessage(ann, "Support right now");
    assertThat(store.load(dm(ann)).session().flow().map(f -> f.flowId())).contains("sos");
  }

  @Test
  void aMemberWhoCannotBeMessaged_isMarkedInactive_untilTheyWriteAgain() {
    discord.sendDm(ann, "/help");
    discord.awaitMessage(ann, "What I can do");
    discord.closeDms(ann);

    discord.sendDm(ann, "/help");

    await().atMost(WAIT).until(() -> !store.load(dm(ann)).profile().active());
    assertThat(discord.calls().stream().filter(c -> c.status() == 403)).isNotEmpty();
  }

  @Test
  void whenTheGatewayDrops_midFlow_theFlowCarriesOn() {
    discord.sendDm(ann, "/ground");
    discord.awaitMessage(ann, "Find **5 things you can see**");

    discord.dropGateway();
    discord.sendDm(ann, "five things");

    discord.awaitMessage(ann, "**4 things you can feel**");
    await()
        .atMost(WAIT)
        .until(() -> discord.gatewayReceived().stream().anyMatch(p -> p.getInt("op") == 6));
    assertThat(
            discord.messagesFor(ann).stream()
                .filter(m -> m.content().contains("4 things you can feel")))
        .hasSize(1);
  }
}
