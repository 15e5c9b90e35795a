package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.memory.InMemoryCommunitySettings;
import org.evenkeel.core.memory.InMemoryMessageRefs;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.testing.TestContent;
import org.evenkeel.discord.fake.FakeDiscord;
import org.evenkeel.discord.fake.FakeGuild;
import org.evenkeel.discord.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mapper on gateway payloads in Discord's documented shapes (test resources {@code recorded/}),
 * parsed by the real JDA: one per kind of event and component the bot handles.
 */
class DiscordMapperIT {

  private final FakeDiscord discord = FakeDiscord.start();
  private final List<InboundEvent> submitted = new CopyOnWriteArrayList<>();
  private final FakeUser ann = discord.user("ann");
  private final FakeGuild circle = discord.guild("Recovery Circle").member(ann, false);
  private DiscordListener listener;
  private DiscordConnection connection;

  @BeforeEach
  void connect() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    listener =
        new DiscordListener(
            submitted::add,
            new Interactions(new InMemoryMessageRefs(), clock),
            new AdminCommand(
                new ContentSource(TestContent.load()), new InMemoryCommunitySettings()),
            clock);
    connection =
        DiscordConnection.connect(
            new DiscordConnection.Options(
                FakeDiscord.TOKEN,
                Optional.of(URI.create(discord.restBaseUrl())),
                Optional.of(URI.create(discord.gatewayUrl())),
                1,
                List.of(0),
                1000),
            listener);
  }

  @AfterEach
  void close() throws InterruptedException {
    listener.close();
    connection.close();
    discord.close();
  }

  private InboundEvent map(String recorded, FakeGuild guild) {
    int before = submitted.size();
    discord.dispatchRecorded(recorded, ann, guild);
    await().atMost(Duration.ofSeconds(10)).until(() -> submitted.size() > before);
    return submitted.get(before);
  }

  private ConversationAddress dm() {
    return ConversationAddress.direct("discord", ann.id());
  }

  @Test
  void dmText() {
    assertThat(map("dm-text", null))
        .isEqualTo(
            new TextMessage(((TextMessage) submitted.get(0)).id(), dm(), "I can't sleep again"));
    assertThat(submitted.get(0).id()).startsWith("discord:m:");
  }

  @Test
  void dmTypedCommand() {
    CommandInvoked command = (CommandInvoked) map("dm-command-text", null);
    assertThat(command.name()).isEqualTo("breathe");
    assertThat(command.arguments()).isEqualTo("box please");
  }

  @Test
  void dmStickerAndVoice_areWhatTheBotCannotRead() {
    assertThat(((UnsupportedMessage) map("dm-sticker", null)).kind()).isEqualTo("sticker");
    assertThat(((UnsupportedMessage) map("dm-voice", null)).kind()).isEqualTo("voice");
  }

  @Test
  void aBotsMessage_isNoEvent() {
    discord.dispatchRecorded("dm-from-a-bot", ann, null);
    discord.dispatchRecorded("dm-text", ann, null); // a later one arrives: the first was dropped

    await().atMost(Duration.ofSeconds(10)).until(() -> !submitted.isEmpty());
    assertThat(submitted).singleElement().isInstanceOf(TextMessage.class);
  }

  @Test
  void slashCommandWithAnIntegerOption_inADm() {
    CommandInvoked command = (CommandInvoked) map("slash-dm-checkin", null);
    assertThat(command.address()).isEqualTo(dm());
    assertThat(command.name()).isEqualTo("checkin");
    assertThat(command.arguments()).isEqualTo("2");
    assertThat(command.id()).startsWith("discord:i:");
  }

  @Test
  void slashCommandWithASubcommand_inAServer() {
    CommandInvoked command = (CommandInvoked) map("slash-guild-admin", circle);
    assertThat(command.address())
        .isEqualTo(new ConversationAddress("discord", circle.id(), ann.id()));
    assertThat(command.arguments()).isEqualTo("set 2026-01-31");
  }

  @Test
  void buttonAndSelectMenu_carryTheChoicesPayload() {
    assertThat(((ButtonPressed) map("button-dm", null)).payload()).isEqualTo("s3.2");
    assertThat(((ButtonPressed) map("select-dm", null)).payload()).isEqualTo("s7.de");
  }

  @Test
  void theAnswerForm_inAServer_isTheMembersText() {
    TextMessage text = (TextMessage) map("modal-guild", circle);
    assertThat(text.text()).isEqualTo("my sister called");
    assertThat(text.address()).isEqualTo(new ConversationAddress("discord", circle.id(), ann.id()));
  }
}
