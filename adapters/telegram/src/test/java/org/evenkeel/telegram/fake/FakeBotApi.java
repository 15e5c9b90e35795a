package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A fake Telegram Bot API server on 127.0.0.1, speaking the real wire format, for tests that drive
 * the real TelegramBots client (or any HTTP client) against it.
 *
 * <p>Requests go to {@code http://127.0.0.1:{port}/bot{token}/{method}} with JSON, urlencoded or
 * multipart parameters; answers are {@code {"ok":true,"result":...}} or {@code
 * {"ok":false,"error_code":..,"description":..}} with the HTTP status of the error, as Telegram
 * sends them. Method names match case-insensitively (TelegramBots sends "sendmessage"). The fake
 * holds empty {@code getUpdates} polls up to their timeout, confirms updates by offset, and refuses
 * what Telegram refuses: texts over 4096 characters, callback data over 64 bytes, HTML or
 * MarkdownV2 that does not parse, edits that change nothing. See {@link UpdateQueue} and {@link
 * MessageRules}.
 *
 * <pre>{@code
 * try (FakeBotApi api = FakeBotApi.start()) {
 *   TelegramClient client = new OkHttpTelegramClient(api.token(), api.telegramUrl());
 *   api.enqueue(api.updates().privateText(FakeUser.of(42), "/start"));
 *   ... run the adapter ...
 *   RecordedCall reply = api.awaitCalls("sendMessage", 1).get(0);
 *   assertThat(reply.chatId()).isEqualTo("42");
 * }
 * }</pre>
 *
 * <p>Each request is answered on a thread of its own (held polls block theirs); state shared with
 * the test thread lives in {@link CallLog}, {@link UpdateQueue} and {@link Chats}, each guarding
 * itself.
 */
public final class FakeBotApi implements AutoCloseable {

  /** A token of the right shape; the fake accepts only the token it was started with. */
  public static final String DEFAULT_TOKEN = "1234567890:fake-token-for-tests";

  public static final String DEFAULT_BOT_USERNAME = "evenkeel_test_bot";

  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BotIdentity bot;
  private final HttpServer server;
  private final ExecutorService executor;
  private final CallLog log = new CallLog();
  private final UpdateQueue updates = new UpdateQueue(100_000_001);
  private final Chats chats = new Chats();
  private final BotMethods botMethods;
  private final UpdateFactory updateFactory;
  private final BotApiRouter router;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeBotApi(BotIdentity bot, Clock clock) throws IOException {
    this.bot = bot;
    this.botMethods = new BotMethods(bot, updates);
    MessageMethods messages = new MessageMethods(chats, bot, clock);
    this.updateFactory = new UpdateFactory(chats, bot, clock);
    this.router = new BotApiRouter(bot.token(), log);
    router.register("getMe", botMethods::getMe);
    router.register("getUpdates", botMethods::getUpdates);
    router.register("setWebhook", botMethods::setWebhook);
    router.register("deleteWebhook", botMethods::deleteWebhook);
    router.register("getWebhookInfo", botMethods::getWebhookInfo);
    router.register("setMyCommands", botMethods::setMyCommands);
    router.register("getMyCommands", botMethods::getMyCommands);
    router.register("deleteMyCommands", botMethods::deleteMyCommands);
    router.register("sendMessage", messages::sendMessage);
    router.register("editMessageText", messages::editMessageText);
    router.register("editMessageReplyMarkup", messages::editMessageReplyMarkup);
    router.register("deleteMessage", messages::deleteMessage);
    router.register("answerCallbackQuery", messages::answerCallbackQuery);
    router.register("sendChatAction", messages::sendChatAction);
    router.register("sendDocument", messages::sendDocument);
    router.register("sendPhoto", messages::sendPhoto);

    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", router);
    server.start();
  }

  /** Starts a fake for {@link #DEFAULT_TOKEN} and {@link #DEFAULT_BOT_USERNAME} on a free port. */
  public static FakeBotApi start() {
    return start(DEFAULT_TOKEN, DEFAULT_BOT_USERNAME);
  }

  /** Starts a fake that accepts {@code token} ("{bot id}:{secret}") on a free port. */
  public static FakeBotApi start(String token, String botUsername) {
    return start(token, botUsername, Clock.systemUTC());
  }

  /** As {@link #start(String, String)}, with message dates read from {@code clock}. */
  public static FakeBotApi start(String token, String botUsername, Clock clock) {
    try {
      return new FakeBotApi(BotIdentity.of(token, botUsername), clock);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake Bot API", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** "http://127.0.0.1:{port}", what a self-hosted Bot API URL setting would hold. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Where TelegramBots should send its calls. */
  public TelegramUrl telegramUrl() {
    return new TelegramUrl("http", "127.0.0.1", port(), false);
  }

  public String token() {
    return bot.token();
  }

  public String botUsername() {
    return bot.username();
  }

  public long botId() {
    return bot.id();
  }

  // ---- updates ----

  /** Builds updates shaped like Telegram's, for {@link #enqueue}. */
  public UpdateFactory updates() {
    return updateFactory;
  }

  /**
   * Queues an update for getUpdates and wakes a held poll. Without an update_id it gets the next
   * one; returns the update_id.
   */
  public int enqueue(JsonNode update) {
    if (!update.isObject()) {
      throw new IllegalArgumentException("an update is a JSON object: " + update);
    }
    return updates.enqueue((ObjectNode) update);
  }

  /** Queues an update given as raw JSON, e.g. with missing fields or of a type no library knows. */
  public int enqueueRaw(String json) {
    try {
      return enqueue(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** Updates queued and not yet confirmed by an offset. */
  public int pendingUpdates() {
    return updates.size();
  }

  /**
   * The member blocks the bot: from now on every call for their chat answers 403 "Forbidden: bot
   * was blocked by the user", and the my_chat_member update Telegram sends is queued. Returns its
   * update_id.
   */
  public int blockBot(FakeUser member) {
    chats.block(member.id(), true);
    return enqueue(updateFactory.botBlocked(member));
  }

  /**
   * The member blocks the bot, but the my_chat_member update never reaches the bot (it was not
   * asked for, or lost while the bot was away): every call for their chat answers 403 from now on,
   * and nothing is queued. A test may queue {@code updates().botBlocked(member)} itself later.
   */
  public void blockBotUnannounced(FakeUser member) {
    chats.block(member.id(), true);
  }

  /** The member unblocks the bot; queues the my_chat_member update and returns its update_id. */
  public int unblockBot(FakeUser member) {
    chats.block(member.id(), false);
    return enqueue(updateFactory.botUnblocked(member));
  }

  /**
   * The group becomes a supergroup: both service messages are queued (migrate_to_chat_id in the old
   * group, migrate_from_chat_id in the new one), and calls for the old id answer 400 with {@code
   * parameters.migrate_to_chat_id}. Returns the two update_ids.
   */
  public List<Integer> migrateGroup(long groupId, long supergroupId, FakeUser by) {
    int first = enqueue(updateFactory.migrateToChatId(groupId, supergroupId, by));
    int second = enqueue(updateFactory.migrateFromChatId(supergroupId, groupId, by));
    chats.migrate(groupId, supergroupId);
    return List.of(first, second);
  }

  // ---- what the bot did ----

  /** Every call received, in order. */
  public List<RecordedCall> calls() {
    return log.all();
  }

  /** The calls of one method (any case: "sendMessage" or "sendmessage"), in order. */
  public List<RecordedCall> calls(String method) {
    return log.of(method);
  }

  /** How many calls of the method were received, answered or not. */
  public int count(String method) {
    return log.of(method).size();
  }

  /** Calls received per method. */
  public Map<String, Integer> counts() {
    return log.counts();
  }

  /** Waits up to 10 s until {@code count} calls of the method were received; returns them all. */
  public List<RecordedCall> awaitCalls(String method, int count) {
    return awaitCalls(method, count, DEFAULT_WAIT);
  }

  /**
   * Waits until {@code count} calls of the method were received and returns all of them.
   *
   * @throws AssertionError listing every call received, if they don't come in time
   */
  public List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
    return log.await(method, count, call -> true, "received", timeout);
  }

  /**
   * As {@link #awaitCalls(String, int, Duration)}, counting only the calls that match {@code
   * which}, e.g. those for one chat; returns all the matching ones.
   */
  public List<RecordedCall> awaitCalls(
      String method, int count, Predicate<RecordedCall> which, Duration timeout) {
    return log.await(method, count, which, "matching", timeout);
  }

  /** Waits up to 10 s until {@code count} calls of the method were answered with "ok":true. */
  public List<RecordedCall> awaitSuccessfulCalls(String method, int count) {
    return awaitSuccessfulCalls(method, count, DEFAULT_WAIT);
  }

  /** As {@link #awaitCalls(String, int, Duration)}, counting only calls answered with success. */
  public List<RecordedCall> awaitSuccessfulCalls(String method, int count, Duration timeout) {
    return log.await(method, count, RecordedCall::succeeded, "successful", timeout);
  }

  /** The message as a member would see it now, after edits and deletions. */
  public Optional<FakeMessage> message(long chatId, int messageId) {
    return chats.find(chatId, messageId).map(Chats.Stored::message);
  }

  /** The bot's messages in a chat, in the order they were sent, as they stand now. */
  public List<FakeMessage> botMessages(long chatId) {
    return chats.botMessages(chatId);
  }

  /** Whether the callback query (by the id in its update) was answered; false if unknown. */
  public boolean callbackQueryAnswered(String callbackQueryId) {
    return chats.callbackQueryAnswered(callbackQueryId).orElse(false);
  }

  /** The webhook URL set with setWebhook, until deleteWebhook. */
  public Optional<String> webhookUrl() {
    return botMethods.webhookUrl();
  }

  /** The commands set for the default scope and a language ("" for all languages). */
  public Optional<JsonNode> myCommands(String languageCode) {
    return botMethods.myCommands(languageCode);
  }

  /**
   * The commands set for a scope type ({@code default}, {@code all_private_chats}, {@code
   * all_group_chats}, …) and a language ("" for all languages).
   */
  public Optional<JsonNode> myCommands(String scope, String languageCode) {
    return botMethods.myCommands(scope, languageCode);
  }

  // ---- failures ----

  /**
   * Answers the next {@code times} calls of {@code method} (with the right token) with {@code
   * failure} instead of handling them. Failures armed for the same method queue up in order.
   */
  public void failNext(String method, int times, Failure failure) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    router.failNext(method, times, failure);
  }

  /**
   * Stops the server and releases held polls.
   *
   * @throws IllegalStateException if a handler of the fake itself threw, so a bug in the fake is
   *     not mistaken for one in the code under test
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    updates.close();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Throwable> internalErrors = router.internalErrors();
    if (!internalErrors.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("the fake Bot API failed internally; see the suppressed");
      internalErrors.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fake-bot-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
