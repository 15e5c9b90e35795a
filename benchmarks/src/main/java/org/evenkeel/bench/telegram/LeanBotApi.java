package org.evenkeel.bench.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lean fake of the Telegram Bot API for load: only what the bot calls, answered as Telegram
 * answers ({@code {"ok":true,"result":...}}, errors with their HTTP status), with as little work
 * per call as possible. Requests are {@code POST /bot{token}/{method}} with JSON bodies
 * (TelegramBots sends method names in lower case; any case matches).
 *
 * <ul>
 *   <li>{@code getUpdates}: from the {@link UpdateFeed}, held while empty.
 *   <li>{@code sendMessage}, {@code editMessageText}: handed to the chat's {@link TelegramMember}
 *       and answered with a Message (message_id from the chat's sequence, date, chat).
 *   <li>{@code answerCallbackQuery}: handed to the member whose button it was.
 *   <li>{@code sendChatAction}, {@code getMe}, {@code deleteWebhook}, {@code setMyCommands} and any
 *       method it does not know (named once on stderr): answered with success.
 *   <li>{@link Faults}: drawn for each call before it is handled; a refused call does nothing.
 * </ul>
 *
 * <p>The JDK's server with a fixed pool of threads; a held poll keeps one of them. Shared state is
 * in the feed, the members and the counters, each thread-safe.
 */
final class LeanBotApi implements AutoCloseable {

  static final String BOT_USERNAME = "evenkeel_load_bot";

  static {
    // The JDK server leaves Nagle's algorithm on unless told: every answer written in two parts
    // would then wait for the client's delayed ACK (tens of milliseconds).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] OK_TRUE = bytes("{\"ok\":true,\"result\":true}");
  private static final byte[] NOT_FOUND =
      bytes("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
  private static final byte[] UNAUTHORIZED =
      bytes("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
  private static final byte[] SERVER_ERROR =
      bytes("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
  private static final byte[] CHAT_NOT_FOUND =
      bytes("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

  private final String prefix;
  private final long botId;
  private final UpdateFeed feed;
  private final Members members;
  private final Faults faults;
  private final ReplyTally tally;
  private final byte[] tooManyRequests;
  private final byte[] getMe;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();
  private final List<Throwable> internalErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  private LeanBotApi(
      String token,
      UpdateFeed feed,
      Members members,
      Faults faults,
      ReplyTally tally,
      int threadCount)
      throws IOException {
    this.prefix = "/bot" + token + "/";
    this.botId = Long.parseLong(token.substring(0, token.indexOf(':')));
    this.feed = feed;
    this.members = members;
    this.faults = faults;
    this.tally = tally;
    int retryAfter = faults.retryAfterSeconds();
    this.tooManyRequests =
        bytes(
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfter
                + "\",\"parameters\":{\"retry_after\":"
                + retryAfter
                + "}}");
    this.getMe =
        bytes(
            "{\"ok\":true,\"result\":{\"id\":"
                + botId
                + ",\"is_bot\":true,\"first_name\":\"Evenkeel\",\"username\":\""
                + BOT_USERNAME
                + "\",\"can_join_groups\":true,\"can_read_all_group_messages\":false,"
                + "\"supports_inline_queries\":false}}");
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            threadCount,
            r -> {
              Thread t = new Thread(r, "fake-bot-api-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts on a free loopback port.
   *
   * @param token "{bot id}:{secret}"; calls with another token are refused (401)
   * @param threadCount the server's threads; one is taken by the bot's held poll
   */
  static LeanBotApi start(
      String token,
      UpdateFeed feed,
      Members members,
      Faults faults,
      ReplyTally tally,
      int threadCount) {
    try {
      return new LeanBotApi(token, feed, members, faults, tally, threadCount);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake Bot API", e);
    }
  }

  /** "http://127.0.0.1:{port}", for TELEGRAM_API_URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long botId() {
    return botId;
  }

  /** Calls received per method (lower case), refused ones included. */
  Map<String, Long> calls() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long calls(String method) {
    LongAdder n = calls.get(method);
    return n == null ? 0 : n.sum();
  }

  /** Methods the fake does not know and answered with success. */
  Set<String> unknownMethods() {
    return Set.copyOf(unknown);
  }

  /** Exceptions of the fake's own handlers: a bug here, not in the bot. */
  List<Throwable> internalErrors() {
    return new ArrayList<>(internalErrors);
  }

  private void handle(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Answer answer = answer(exchange, body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (IOException e) {
      // The bot closed the connection (it stops, or gave up on a held poll): nothing to answer.
    } catch (RuntimeException | Error e) {
      internalErrors.add(e);
    } finally {
      exchange.close();
    }
  }

  private record Answer(int status, byte[] body) {}

  private Answer answer(HttpExchange exchange, byte[] body) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.startsWith("/bot")) {
      return new Answer(404, NOT_FOUND);
    }
    if (!path.startsWith(prefix)) {
      return new Answer(401, UNAUTHORIZED);
    }
    String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
    calls.computeIfAbsent(method, k -> new LongAdder()).increment();
    switch (faults.draw(method)) {
      case TOO_MANY_REQUESTS:
        return new Answer(429, tooManyRequests);
      case SERVER_ERROR:
        return new Answer(500, SERVER_ERROR);
      case HANDLE:
      default:
        break;
    }
    JsonNode p = parameters(exchange, body);
    return switch (method) {
      case "getupdates" -> getUpdates(p);
      case "sendmessage" -> sendMessage(p);
      case "editmessagetext" -> editMessageText(p);
      case "answercallbackquery" -> answerCallbackQuery(p);
      case "sendchataction" -> sendChatAction(p);
      case "getme" -> new Answer(200, getMe);
      case "deletewebhook", "setmycommands", "deletemycommands" -> new Answer(200, OK_TRUE);
      default -> {
        if (unknown.add(method)) {
          System.err.println("fake Bot API: answered unknown method " + method + " with ok:true");
        }
        yield new Answer(200, OK_TRUE);
      }
    };
  }

  private Answer getUpdates(JsonNode p) throws IOException {
    try {
      String updates =
          feed.poll(
              p.path("offset").asLong(0),
              p.path("limit").asInt(UpdateFeed.LIMIT_MAX),
              p.path("timeout").asInt(0));
      return new Answer(200, bytes("{\"ok\":true,\"result\":" + updates + "}"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("closing", e);
    }
  }

  private Answer sendMessage(JsonNode p) {
    long now = System.nanoTime();
    Optional<TelegramMember> member = members.byChat(p.path("chat_id").asLong());
    if (member.isEmpty()) {
      return new Answer(400, CHAT_NOT_FOUND);
    }
    int messageId = member.get().nextMessageId();
    members.message(
        member.get(), messageId, visible(p.path("text").asText("")), callbackData(p), now);
    return message(member.get().id(), messageId);
  }

  private Answer editMessageText(JsonNode p) {
    Optional<TelegramMember> member = members.byChat(p.path("chat_id").asLong());
    if (member.isEmpty()) {
      return new Answer(400, CHAT_NOT_FOUND);
    }
    tally.edits.increment();
    return message(member.get().id(), p.path("message_id").asInt());
  }

  private Answer answerCallbackQuery(JsonNode p) {
    String id = p.path("callback_query_id").asText("");
    int dash = id.indexOf('-');
    if (dash > 0) {
      members
          .byChat(Long.parseLong(id.substring(0, dash)))
          .ifPresent(member -> member.onCallbackAnswer(id));
    }
    return new Answer(200, OK_TRUE);
  }

  private Answer sendChatAction(JsonNode p) {
    if (members.byChat(p.path("chat_id").asLong()).isEmpty()) {
      return new Answer(400, CHAT_NOT_FOUND);
    }
    tally.typing.increment();
    return new Answer(200, OK_TRUE);
  }

  /** A sent Message as TelegramBots reads it: id, date and chat are required. */
  private static Answer message(long chatId, int messageId) {
    return new Answer(
        200,
        bytes(
            "{\"ok\":true,\"result\":{\"message_id\":"
                + messageId
                + ",\"date\":"
                + System.currentTimeMillis() / 1000
                + ",\"chat\":{\"id\":"
                + chatId
                + ",\"type\":\"private\",\"first_name\":\"Member\"}}}"));
  }

  /** The callback_data of every inline button, rows left to right, top to bottom. */
  private static List<String> callbackData(JsonNode p) {
    JsonNode keyboard = p.path("reply_markup");
    if (keyboard.isTextual()) { // some clients send the markup as a JSON string
      try {
        keyboard = JSON.readTree(keyboard.asText());
      } catch (IOException e) {
        return List.of();
      }
    }
    JsonNode rows = keyboard.path("inline_keyboard");
    if (!rows.isArray() || rows.isEmpty()) {
      return List.of();
    }
    List<String> data = new ArrayList<>();
    rows.forEach(row -> row.forEach(button -> data.add(button.path("callback_data").asText(""))));
    return data;
  }

  /** What a member reads of Bot API HTML: the text without tags, entities decoded. */
  static String visible(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        i = end < 0 ? html.length() : end;
      } else if (c == '&' && html.startsWith("&lt;", i)) {
        out.append('<');
        i += 3;
      } else if (c == '&' && html.startsWith("&gt;", i)) {
        out.append('>');
        i += 3;
      } else if (c == '&' && html.startsWith("&amp;", i)) {
        out.append('&');
        i += 4;
      } else if (c == '&' && html.startsWith("&quot;", i)) {
        out.append('"');
        i += 5;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** JSON bodies as TelegramBots sends them; form or query parameters as other clients do. */
  private static JsonNode parameters(HttpExchange exchange, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (body.length > 0 && (type == null || type.contains("json"))) {
      return JSON.readTree(body);
    }
    ObjectNode p = JSON.createObjectNode();
    form(exchange.getRequestURI().getRawQuery(), p);
    if (type != null && type.contains("x-www-form-urlencoded")) {
      form(new String(body, StandardCharsets.UTF_8), p);
    }
    return p;
  }

  private static void form(String query, ObjectNode into) {
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.put(name, value);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    feed.close();
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
