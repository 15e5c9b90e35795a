package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evenkeel.app.MemberChat.assertBeginnings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What goes wrong on Telegram, end to end through the whole bot: a member blocks it, Telegram asks
 * it to slow down, and updates arrive that are broken, huge or of a kind the bot does not know. The
 * bot keeps running, loses no message and repeats no refused one.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramFaultsIT {

  private static final FakeUser ANN = FakeUser.of(42);
  private static final Duration WAIT = MemberChat.WAIT;

  private final FakeBotApi api = FakeBotApi.start();
  private final MemberChat chat = MemberChat.privateChat(api, ANN);
  private RunningBot bot;

  @AfterEach
  void close() throws Exception {
    if (bot != null) {
      bot.close();
    }
    api.close();
  }

  // ---- blocked ----

  @Test
  void aMemberWhoBlocksTheBot_midBreathing_isMarkedInactive_andNothingIsSentAgainUntilTheyReturn(
      TestRedis redis) throws Exception {
    bot = RunningBot.start(api, Map.of(Launcher.REDIS_URL, redis.url()));
    RedisStore store = new RedisStore(redis.client());
    startBoxBreathing();

    // Blocked: the next phase's edit is refused before Telegram's my_chat_member update arrives.
    api.blockBotUnannounced(ANN);
    RecordedCall refused =
        api.awaitCalls("editMessageText", 1, c -> c.status().equals(Optional.of(403)), WAIT).get(0);
    api.enqueue(api.updates().botBlocked(ANN));
    awaitTrue("Ann marked inactive", () -> !store.load(chat.address()).profile().active());

    assertThat(store.nextPacing(chat.address())).as("a pacing timer left").isEmpty();
    assertThat(store.load(chat.address()).session().flow()).isEmpty();

    // Back: Telegram sends my_chat_member "member", then the /start the Restart button types.
    api.unblockBot(ANN);
    chat.send("/start");
    chat.awaitMessages(8);
    assertThat(store.load(chat.address()).profile().active()).isTrue();
    List<RecordedCall> calls = chat.calls();
    assertThat(calls)
        .as("refused calls (each tried once)")
        .filteredOn(c -> c.status().equals(Optional.of(403)))
        .containsExactly(refused);
    RecordedCall afterRefused = calls.get(calls.indexOf(refused) + 1);
    assertThat(MemberChat.visibleText(afterRefused))
        .as("the next call after the refused one is the answer to /start")
        .startsWith("Evenkeel is here for the in-between moments of recovery");
    assertThat(bot.ended()).isFalse();
    bot.stop();
  }

  @Test
  void aRefusalAlone_withoutTheMyChatMemberUpdate_stillEndsTheTimers(TestRedis redis)
      throws Exception {
    bot = RunningBot.start(api, Map.of(Launcher.REDIS_URL, redis.url()));
    RedisStore store = new RedisStore(redis.client());
    startBoxBreathing();

    api.blockBotUnannounced(ANN);
    api.awaitCalls("editMessageText", 1, c -> c.status().equals(Optional.of(403)), WAIT);

    awaitTrue("Ann marked inactive", () -> !store.load(chat.address()).profile().active());
    awaitTrue("no pacing timer left", () -> store.nextPacing(chat.address()).isEmpty());
    assertThat(chat.calls())
        .filteredOn(c -> c.status().equals(Optional.of(403)))
        .as("refused calls")
        .hasSize(1);
    bot.stop();
  }

  // ---- 429 ----

  @Test
  void twoTooManyRequestsInARow_areWaitedOut_andEveryMessageArrivesInOrder() throws Exception {
    bot = RunningBot.start(api, Map.of());
    api.failNext("sendMessage", 2, Failure.tooManyRequests(1));

    chat.send("/ground");
    List<String> messages = chat.awaitMessages(3);

    assertBeginnings(
        messages,
        "Hi, I'm Evenkeel: short exercises",
        "Let's slow things down using your senses",
        "Look around. Find 5 things you can see.");
    List<RecordedCall> sends = api.calls("sendMessage");
    assertThat(sends)
        .extracting(c -> c.status().orElseThrow())
        .containsExactly(429, 429, 200, 200, 200);
    assertThat(sends.subList(1, 3))
        .as("the refused message, tried again")
        .extracting(RecordedCall::text)
        .containsOnly(sends.get(0).text());
    assertWaited(sends.get(0), sends.get(1));
    assertWaited(sends.get(1), sends.get(2));
    bot.stop();
  }

  @Test
  void aStormOfTooManyRequests_isWaitedOut_andEveryMessageStillArrivesInOrder() throws Exception {
    bot = RunningBot.start(api, Map.of());
    api.failNext("sendMessage", 8, Failure.tooManyRequests(1));

    chat.send("/ground");
    List<String> messages = chat.awaitMessages(3);

    assertBeginnings(
        messages,
        "Hi, I'm Evenkeel: short exercises",
        "Let's slow things down using your senses",
        "Look around. Find 5 things you can see.");
    List<RecordedCall> sends = api.calls("sendMessage");
    assertThat(sends).hasSize(11);
    for (int i = 1; i < 9; i++) {
      assertWaited(sends.get(i - 1), sends.get(i));
    }
    bot.stop();
  }

  // ---- updates the bot cannot use ----

  @Test
  void brokenHugeAndUnknownUpdates_doNotStopPolling_andTheNextMessageIsAnswered() throws Exception {
    bot = RunningBot.start(api, Map.of());

    // Each of these is ignored: there is no member to answer, or nothing to answer.
    ObjectNode withoutSender = api.updates().privateText(ANN, "are you there?");
    ((ObjectNode) withoutSender.get("message")).remove("from");
    api.enqueue(withoutSender);
    ObjectNode withoutChat = api.updates().privateText(ANN, "are you there?");
    ((ObjectNode) withoutChat.get("message")).remove("chat");
    api.enqueue(withoutChat);
    // A button under an inline-mode message: no chat to answer in, but it stops spinning.
    ObjectNode inlineButton = api.updates().callbackQuery(ANN, 1, "s1.done");
    ((ObjectNode) inlineButton.get("callback_query")).remove("message");
    ((ObjectNode) inlineButton.get("callback_query")).put("inline_message_id", "AAAAfake");
    api.enqueue(inlineButton);
    // Over engine.max_text_length (and Telegram's own 4,096): declined politely.
    chat.send("a".repeat(10_000));
    // Fields no Bot API version has: the rest of the update is read as usual.
    ObjectNode withUnknownFields = api.updates().privateText(ANN, "/help");
    ((ObjectNode) withUnknownFields.get("message")).putObject("invented_field").put("x", 1);
    withUnknownFields.putObject("invented_update").put("id", 1);
    api.enqueue(withUnknownFields);
    chat.send("/stop");

    List<String> messages = chat.awaitMessages(3);
    assertBeginnings(
        messages,
        "That's more than I can read at once (4,000 characters).",
        "What I can do\n/start: set up the basics",
        "There's nothing running right now.");
    assertThat(api.calls("sendMessage")).extracting(RecordedCall::chatId).containsOnly("42");
    String inlineQuery = inlineButton.at("/callback_query/id").asText();
    assertThat(api.calls("answerCallbackQuery"))
        .extracting(c -> c.param("callback_query_id").orElseThrow())
        .containsExactly(inlineQuery);
    assertThat(bot.ended()).isFalse();
    bot.stop();
  }

  @Test
  void anUpdateTheClientLibraryCannotRead_isSkipped_andPollingGoesOn() throws Exception {
    bot = RunningBot.start(api, Map.of());

    // A field of another type than TelegramBots 10.2 expects, as a newer Bot API might send.
    ObjectNode unreadable = api.updates().privateText(ANN, "/breathe");
    ((ObjectNode) unreadable.get("message")).put("date", "yesterday");
    api.enqueue(unreadable);
    chat.send("/help");

    assertBeginnings(
        chat.awaitMessages(2),
        "Hi, I'm Evenkeel: short exercises",
        "What I can do\n/start: set up the basics");
    assertThat(bot.ended()).isFalse();
    bot.stop();
  }

  private void startBoxBreathing() {
    chat.send("/breathe");
    chat.awaitMessages(2);
    chat.tap("Box breathing (4-4-4-4)");
    chat.awaitMessages(4);
  }

  /** The second call came after the retry_after of the first (1 s): a lower bound only. */
  private static void assertWaited(RecordedCall refused, RecordedCall next) {
    assertThat(Duration.between(refused.receivedAt(), next.receivedAt()))
        .as("waited retry_after between #%d and #%d", refused.sequence(), next.sequence())
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
