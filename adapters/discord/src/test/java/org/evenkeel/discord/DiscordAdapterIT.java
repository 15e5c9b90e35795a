package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.memory.InMemoryCommunitySettings;
import org.evenkeel.core.memory.InMemoryMessageRefs;
import org.evenkeel.core.memory.InMemoryRateLimits;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.testing.TestContent;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.discord.fake.FakeDiscord;
import org.evenkeel.discord.fake.FakeGuild;
import org.evenkeel.discord.fake.FakeInteraction;
import org.evenkeel.discord.fake.FakeUser;
import org.evenkeel.discord.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's pieces with the real JDA against the fake Discord: what members do arrives as the
 * engine's events, acknowledged as Discord requires; what the engine says arrives where the member
 * sees it.
 */
class DiscordAdapterIT {

  private final FakeDiscord discord = FakeDiscord.start();
  private final List<InboundEvent> submitted = new CopyOnWriteArrayList<>();
  private final Clock clock = Clock.systemUTC();
  private final InMemoryMessageRefs refs = new InMemoryMessageRefs();
  private final Interactions interactions = new Interactions(refs, clock);
  private final FakeUser alice = discord.user("alice");
  private final FakeGuild circle = discord.guild("Recovery Circle").member(alice, false);
  private DiscordListener listener;
  private DiscordConnection connection;
  private DiscordOutbound outbound;

  @BeforeEach
  void connect() throws InterruptedException {
    listener =
        new DiscordListener(
            submitted::add,
            interactions,
            new AdminCommand(
                new ContentSource(TestContent.load()), new InMemoryCommunitySettings()),
            clock);
    connection = DiscordConnection.connect(options(FakeDiscord.TOKEN), listener);
    outbound =
        new DiscordOutbound(
            connection::rest,
            interactions,
            refs,
            new InMemoryRateLimits(clock),
            Rate.perSecond(10),
            clock);
  }

  private DiscordConnection.Options options(String token) {
    return new DiscordConnection.Options(
        token,
        Optional.of(URI.create(discord.restBaseUrl())),
        Optional.of(URI.create(discord.gatewayUrl())),
        1,
        List.of(0),
        1000);
  }

  @AfterEach
  void close() throws InterruptedException {
    listener.close();
    connection.close();
    discord.close();
  }

  private <T extends InboundEvent> T awaitSubmitted(Class<T> type) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> submitted.stream().anyMatch(type::isInstance));
    return submitted.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void aDm_isTheMembersTextMessage_inTheirOwnConversation() {
    String id = discord.sendDm(alice, "I had a hard day");

    TextMessage text = awaitSubmitted(TextMessage.class);
    assertThat(text.text()).isEqualTo("I had a hard day");
    assertThat(text.address()).isEqualTo(ConversationAddress.direct("discord", alice.id()));
    assertThat(text.id()).isEqualTo("discord:m:" + id);
  }

  @Test
  void aCommandTypedInADm_isTheCommand_andAPhotoIsSomethingTheBotCannotRead() {
    discord.sendDm(alice, "/breathe slowly");
    discord.sendDmPhoto(alice);

    CommandInvoked command = awaitSubmitted(CommandInvoked.class);
    assertThat(command.name()).isEqualTo("breathe");
    assertThat(command.arguments()).isEqualTo("slowly");
    assertThat(awaitSubmitted(UnsupportedMessage.class).kind()).isEqualTo("photo");
  }

  @Test
  void aSlashCommandInAServer_isDeferredEphemerally_andAnsweredOnlyToTheMember() {
    FakeInteraction used = discord.slashCommand(alice, circle, "help", null, null, Map.of());

    CommandInvoked command = awaitSubmitted(CommandInvoked.class);
    assertThat(command.address())
        .isEqualTo(new ConversationAddress("discord", circle.id(), alice.id()));
    await().until(() -> !discord.callbacks(used).isEmpty());
    var callback = discord.callbacks(used).get(0).body();
    assertThat(callback.getInt("type")).isEqualTo(5);
    assertThat(callback.getObject("data").getInt("flags")).isEqualTo(64);

    outbound.deliver(
        command.address(), List.of(SendMessage.text(FormattedText.of("Here is *help*"))));

    SentMessage answer = discord.awaitMessage(alice, "Here is **help**");
    assertThat(answer.ephemeral()).isTrue();
    assertThat(answer.guildId()).contains(circle.id());
  }

  @Test
  void aMemberWhoChoseToShare_isAnsweredInTheChannel() {
    FakeInteraction used =
        discord.slashCommand(alice, circle, "milestone", null, "show", Map.of("share", true));

    CommandInvoked command = awaitSubmitted(CommandInvoked.class);
    assertThat(command.arguments()).isEqualTo("show");
    await().until(() -> !discord.callbacks(used).isEmpty());
    var callback = discord.callbacks(used).get(0).body();
    assertThat(callback.getInt("type")).isEqualTo(5);
    assertThat(callback.optObject("data").map(d -> d.getInt("flags", 0)).orElse(0)).isZero();
    outbound.deliver(command.address(), List.of(SendMessage.text(FormattedText.of("90 days"))));
    assertThat(discord.awaitMessage(alice, "90 days").ephemeral()).isFalse();
  }

  @Test
  void slashCommandOptions_becomeTheArguments() {
    discord.slashCommand(alice, null, "checkin", null, null, Map.of("mood", 4));
    discord.slashCommand(alice, null, "settings", null, null, Map.of("zone", "Europe/Berlin"));

    await().until(() -> submitted.size() == 2);
    assertThat(submitted)
        .extracting(e -> ((CommandInvoked) e).arguments())
        .containsExactlyInAnyOrder("4", "zone Europe/Berlin");
  }

  @Test
  void inADm_theDeferredReplyIsTheFirstMessage_andTheRestGoToTheDmChannel() {
    discord.slashCommand(alice, null, "ground", null, null, Map.of());
    CommandInvoked command = awaitSubmitted(CommandInvoked.class);

    outbound.deliver(
        command.address(),
        List.of(
            SendMessage.text(FormattedText.of("Let's ground.")),
            SendMessage.withChoices(
                FormattedText.of("Ready?"), List.of(new Choice("Yes", "s1.yes")))));

    List<SentMessage> seen = discord.awaitMessages(alice, 2);
    assertThat(seen).extracting(SentMessage::content).containsExactly("Let's ground.", "Ready?");
    assertThat(seen).noneMatch(SentMessage::ephemeral);
    assertThat(discord.calls())
        .anyMatch(c -> c.is("POST", "webhooks/.*"))
        .anyMatch(c -> c.is("POST", "channels/" + discord.dmChannelOf(alice) + "/messages"));
  }

  @Test
  void aButton_isDeferredAsAnUpdate_andPressedWithItsPayload() {
    ConversationAddress dm = ConversationAddress.direct("discord", alice.id());
    outbound.deliver(
        dm,
        List.of(
            SendMessage.withChoices(
                FormattedText.of("Ready?"), List.of(new Choice("Yes", "s1.yes")))),
        Lane.PROACTIVE);
    SentMessage question = discord.awaitMessage(alice, "Ready?");

    FakeInteraction press = discord.pressButton(alice, question, question.buttonId("Yes"));

    ButtonPressed pressed = awaitSubmitted(ButtonPressed.class);
    assertThat(pressed.payload()).isEqualTo("s1.yes");
    assertThat(pressed.address()).isEqualTo(dm);
    await().until(() -> !discord.callbacks(press).isEmpty());
    assertThat(discord.callbacks(press).get(0).body().getInt("type")).isEqualTo(6);
  }

  @Test
  void theAnswerButtonInAServer_opensAForm_whoseTextIsAMessage() {
    discord.slashCommand(alice, circle, "gratitude", null, null, Map.of());
    CommandInvoked command = awaitSubmitted(CommandInvoked.class);
    outbound.deliver(
        command.address(),
        List.of(
            SendMessage.text(FormattedText.of("One good thing?"))
                .askingForText("Write your answer")));
    SentMessage question = discord.awaitMessage(alice, "One good thing?");

    FakeInteraction press =
        discord.pressButton(alice, question, question.buttonId("✍️ Write your answer"));
    await().until(() -> !discord.callbacks(press).isEmpty());
    var modal = discord.callbacks(press).get(0).body();
    assertThat(modal.getInt("type")).isEqualTo(9);
    assertThat(modal.getObject("data").getString("title")).isEqualTo("Write your answer");
    discord.submitModal(
        alice, circle, DiscordRenderer.ANSWER_BUTTON, DiscordMapper.ANSWER_FIELD, "my dog");

    TextMessage answer = awaitSubmitted(TextMessage.class);
    assertThat(answer.text()).isEqualTo("my dog");
    assertThat(answer.address()).isEqualTo(command.address());
  }

  @Test
  void theBreathingLine_isEditedInPlace() {
    ConversationAddress dm = ConversationAddress.direct("discord", alice.id());
    outbound.deliver(
        dm,
        List.of(new SendMessage(FormattedText.of("Breathe in"), List.of(), Optional.of("pace-1"))));
    discord.awaitMessage(alice, "Breathe in");

    outbound.deliver(dm, List.of(new EditMessage("pace-1", FormattedText.of("Hold"), List.of())));

    await()
        .until(() -> discord.messagesFor(alice).stream().anyMatch(m -> m.content().equals("Hold")));
    assertThat(discord.messagesFor(alice)).hasSize(1);
  }

  @Test
  void aMemberWhoClosedTheirDms_isUnreachable_notRetried() {
    discord.closeDms(alice);

    assertThatThrownBy(
            () ->
                outbound.deliver(
                    ConversationAddress.direct("discord", alice.id()),
                    List.of(SendMessage.text(FormattedText.of("Time for your check-in")))))
        .isInstanceOf(MemberUnreachableException.class)
        .hasMessage("discord 50007");
    assertThat(discord.calls().stream().filter(c -> c.status() == 403)).hasSize(1);
  }

  @Test
  void aRateLimitedSend_isWaitedOut_andSentOnce() {
    discord.rateLimitNext(1);

    outbound.deliver(
        ConversationAddress.direct("discord", alice.id()),
        List.of(SendMessage.text(FormattedText.of("Still here"))));

    assertThat(discord.messagesFor(alice))
        .extracting(SentMessage::content)
        .containsExactly("Still here");
    assertThat(discord.calls().stream().filter(c -> c.status() == 429)).hasSize(1);
  }

  @Test
  void afterTheGatewayDrops_theSessionResumes_andNothingIsMissedOrDoubled() {
    discord.dropGateway();
    discord.sendDm(alice, "are you there?");

    TextMessage text = awaitSubmitted(TextMessage.class);
    assertThat(text.text()).isEqualTo("are you there?");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> discord.gatewayReceived().stream().anyMatch(p -> p.getInt("op") == 6));
    assertThat(discord.gatewayReceived().stream().filter(p -> p.getInt("op") == 2)).hasSize(1);
    assertThat(submitted).hasSize(1);
  }

  @Test
  void theBotHeartbeats_asHelloAsks_andStaysConnected() throws InterruptedException {
    discord.heartbeatEvery(Duration.ofMillis(200));
    discord.dropGateway(); // the next connection's HELLO carries the short interval

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> discord.gatewayReceived().stream().filter(p -> p.getInt("op") == 1).count() >= 3);
    discord.sendDm(alice, "still there?");
    assertThat(awaitSubmitted(TextMessage.class).text()).isEqualTo("still there?");
    assertThat(discord.gatewayReceived().stream().filter(p -> p.getInt("op") == 6))
        .as("every heartbeat was acknowledged: no reconnect beyond the one the test caused")
        .hasSize(1);
  }

  @Test
  void aWrongToken_isRefusedAtLogin() {
    assertThatThrownBy(() -> DiscordConnection.connect(options("not-the-token"), listener))
        .isInstanceOf(InvalidTokenException.class);
  }
}
