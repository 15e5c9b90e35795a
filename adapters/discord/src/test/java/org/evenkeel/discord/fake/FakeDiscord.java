package org.evenkeel.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A fake Discord on 127.0.0.1 for tests that drive the real JDA: a REST API at {@link
 * #restBaseUrl()} (users, DM channels, messages, typing, interaction callbacks and follow-ups,
 * command registration) and a gateway at {@link #gatewayUrl()} ({@link FakeGateway}).
 *
 * <p>Tests play the members: {@link #sendDm}, {@link #slashCommand}, {@link #pressButton}, {@link
 * #submitModal}; and read what the bot did: {@link #messagesFor} (what a member sees, edits
 * applied), {@link #calls} and {@link #awaitCall}. Discord's rules that matter to the bot are kept:
 * an interaction is acknowledged once ({@code 40060} otherwise), a message is at most 2,000
 * characters with at most 5 rows of components ({@code 50035}), a member whose DMs are closed
 * cannot be messaged ({@code 50007}); the first follow-up of a deferred reply replaces its
 * "thinking…" message.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *   FakeUser alice = discord.user("alice");
 *   ... connect JDA with discord.restBaseUrl(), discord.gatewayUrl(), FakeDiscord.TOKEN ...
 *   discord.sendDm(alice, "/help");
 *   discord.awaitMessages(alice, 1, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {

  /** The token the fake accepts. */
  public static final String TOKEN = "ZmFrZS1ib3Q.fake-discord.token-for-tests";

  /** Discord's limit on a message's content (discord.com/developers/docs/resources/message). */
  static final int CONTENT_MAX = 2000;

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final AtomicLong snowflakes = new AtomicLong(1_300_000_000_000_000_000L);
  private final FakeUser bot = new FakeUser(nextId(), "evenkeel", true);
  private final String applicationId = bot.id();
  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final FakeGateway gateway;
  private final List<FakeGuild> guilds = new ArrayList<>();
  private final Map<String, FakeUser> users = new ConcurrentHashMap<>();
  private final Map<String, String> dmChannels = new ConcurrentHashMap<>(); // user id -> channel
  private final Set<String> dmsClosed = ConcurrentHashMap.newKeySet();
  private final Map<String, Pending> interactions = new ConcurrentHashMap<>(); // by token
  private final Map<String, SentMessage> messages = new LinkedHashMap<>(); // guarded by this
  private final List<RecordedCall> calls = new ArrayList<>(); // guarded by this
  private final Map<String, DataArray> commands = new ConcurrentHashMap<>();
  private final AtomicInteger rateLimited = new AtomicInteger();

  private FakeDiscord() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/api/v10/", this::handle);
    http.setExecutor(executor);
    gateway = new FakeGateway(TOKEN, this::ready, this::guildCreates);
  }

  /** Starts the fake on free ports. */
  public static FakeDiscord start() {
    try {
      FakeDiscord fake = new FakeDiscord();
      fake.http.start();
      fake.gateway.start();
      fake.gateway.awaitStarted();
      return fake;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String restBaseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
  }

  public String gatewayUrl() {
    return gateway.getUrl();
  }

  public FakeUser bot() {
    return bot;
  }

  // ---- the world ----

  public FakeUser user(String name) {
    FakeUser user = new FakeUser(nextId(), name, false);
    users.put(user.id(), user);
    return user;
  }

  /** A server owned by someone else, with the bot in it; announced if the bot is connected. */
  public FakeGuild guild(String name) {
    FakeUser owner = user(name + "-owner");
    FakeGuild guild = new FakeGuild(nextId(), name, nextId(), nextId(), owner);
    synchronized (guilds) {
      guilds.add(guild);
    }
    return guild;
  }

  /** The member's DM channel with the bot (made on first use, as Discord does). */
  public String dmChannelOf(FakeUser user) {
    return dmChannels.computeIfAbsent(user.id(), id -> nextId());
  }

  /** The member closes their DMs: the bot's messages to them are refused with 50007. */
  public void closeDms(FakeUser user) {
    dmsClosed.add(user.id());
  }

  /** The next {@code count} messages the bot creates are answered 429 first. */
  public void rateLimitNext(int count) {
    rateLimited.set(count);
  }

  /** Drops the bot's gateway connection; JDA reconnects and resumes. */
  public void dropGateway() {
    gateway.drop(4000);
  }

  /**
   * Asks the bot to heartbeat every {@code interval} (Discord's HELLO) from its next connection.
   */
  public void heartbeatEvery(Duration interval) {
    gateway.heartbeatEvery(interval.toMillis());
  }

  /** Every gateway payload the bot sent (IDENTIFY, RESUME, heartbeats), in order. */
  public List<DataObject> gatewayReceived() {
    return gateway.received();
  }

  // ---- members act ----

  /** The member writes {@code text} in their DM with the bot; returns the message id. */
  public String sendDm(FakeUser user, String text) {
    String id = nextId();
    gateway.dispatch(
        "MESSAGE_CREATE", dmMessage(id, user, text).put("attachments", DataArray.empty()));
    return id;
  }

  /** The member sends a photo in their DM, without text. */
  public String sendDmPhoto(FakeUser user) {
    String id = nextId();
    DataObject attachment =
        DataObject.empty()
            .put("id", nextId())
            .put("filename", "photo.jpg")
            .put("size", 1024)
            .put("url", "https://cdn.example.invalid/photo.jpg")
            .put("proxy_url", "https://cdn.example.invalid/photo.jpg")
            .put("content_type", "image/jpeg")
            .put("width", 10)
            .put("height", 10);
    gateway.dispatch(
        "MESSAGE_CREATE",
        dmMessage(id, user, "").put("attachments", DataArray.empty().add(attachment)));
    return id;
  }

  /**
   * The member uses a slash command, in {@code guild}'s channel or (null) in their DM with the bot.
   * {@code options} are the command's options by name (a subcommand group and subcommand are given
   * as {@code group} and {@code subcommand}, either may be null).
   */
  public FakeInteraction slashCommand(
      FakeUser user,
      FakeGuild guild,
      String name,
      String group,
      String subcommand,
      Map<String, Object> options) {
    DataArray optionArray = DataArray.empty();
    options.forEach(
        (k, v) ->
            optionArray.add(
                DataObject.empty()
                    .put("name", k)
                    .put("type", v instanceof Number ? 4 : v instanceof Boolean ? 5 : 3)
                    .put("value", v)));
    DataArray top = optionArray;
    if (subcommand != null) {
      top =
          DataArray.empty()
              .add(
                  DataObject.empty()
                      .put("name", subcommand)
                      .put("type", 1)
                      .put("options", optionArray));
    }
    if (group != null) {
      top =
          DataArray.empty()
              .add(DataObject.empty().put("name", group).put("type", 2).put("options", top));
    }
    DataObject data =
        DataObject.empty()
            .put("id", nextId())
            .put("name", name)
            .put("type", 1)
            .put("options", top)
            .put("resolved", DataObject.empty());
    return interact(user, guild, 2, data, null);
  }

  /** The member taps the button {@code customId} under {@code message}. */
  public FakeInteraction pressButton(FakeUser user, SentMessage message, String customId) {
    DataObject data = DataObject.empty().put("custom_id", customId).put("component_type", 2);
    return interact(user, guildOf(message), 3, data, message);
  }

  /** The member picks {@code value} in the select menu {@code customId} under {@code message}. */
  public FakeInteraction selectOption(
      FakeUser user, SentMessage message, String customId, String value) {
    DataObject data =
        DataObject.empty()
            .put("custom_id", customId)
            .put("component_type", 3)
            .put("values", DataArray.empty().add(value));
    return interact(user, guildOf(message), 3, data, message);
  }

  /** The member submits the form {@code customId} with one text input's value. */
  public FakeInteraction submitModal(
      FakeUser user, FakeGuild guild, String customId, String inputId, String value) {
    DataObject input =
        DataObject.empty()
            .put("type", 4)
            .put("id", 2)
            .put("custom_id", inputId)
            .put("value", value);
    DataObject label = DataObject.empty().put("type", 18).put("id", 1).put("component", input);
    DataObject data =
        DataObject.empty()
            .put("custom_id", customId)
            .put("components", DataArray.empty().add(label));
    return interact(user, guild, 5, data, null);
  }

  /**
   * Dispatches a payload kept in the test resources ({@code recorded/<name>.json}: {@code {"t":
   * event type, "d": data}}) with its placeholders filled: {@code ${user}} and {@code ${dm}} for
   * {@code user} and their DM channel, {@code ${guild}} and {@code ${channel}} for {@code guild},
   * {@code ${id}} a new id, {@code ${app}} the bot, {@code ${other}} another user. Returns the id.
   */
  public String dispatchRecorded(String name, FakeUser user, FakeGuild guild) {
    String id = nextId();
    String text;
    try (var in = FakeDiscord.class.getResourceAsStream("/recorded/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded payload " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    text =
        text.replace("${user}", user.id())
            .replace("${dm}", dmChannelOf(user))
            .replace("${id}", id)
            .replace("${app}", applicationId)
            .replace("${other}", nextId());
    if (guild != null) {
      text = text.replace("${guild}", guild.id()).replace("${channel}", guild.channelId());
    }
    DataObject payload = DataObject.fromJson(text);
    DataObject data = payload.getObject("d");
    if (data.hasKey("token")) {
      interactions.put(data.getString("token"), new Pending(id, user, Optional.ofNullable(guild)));
    }
    gateway.dispatch(payload.getString("t"), data);
    return id;
  }

  private FakeGuild guildOf(SentMessage message) {
    return message.guildId().map(this::guildById).orElse(null);
  }

  private FakeGuild guildById(String id) {
    synchronized (guilds) {
      return guilds.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }
  }

  private FakeInteraction interact(
      FakeUser user, FakeGuild guild, int type, DataObject data, SentMessage message) {
    String id = nextId();
    String token = "itoken-" + id;
    DataObject payload =
        DataObject.empty()
            .put("id", id)
            .put("application_id", applicationId)
            .put("type", type)
            .put("data", data)
            .put("token", token)
            .put("version", 1)
            .put("locale", "en-US")
            .put("entitlements", DataArray.empty())
            .put("app_permissions", "2248473465835073");
    if (guild != null) {
      payload
          .put("guild_id", guild.id())
          .put("guild", guild.partialJson())
          .put("guild_locale", "en-US")
          .put("channel_id", guild.channelId())
          .put("channel", guild.channelJson())
          .put("member", guild.memberJson(user))
          .put("context", 0)
          .put("authorizing_integration_owners", DataObject.empty().put("0", guild.id()));
    } else {
      String channel = dmChannelOf(user);
      payload
          .put("channel_id", channel)
          .put(
              "channel",
              DataObject.empty()
                  .put("id", channel)
                  .put("type", 1)
                  .put("recipients", DataArray.empty().add(user.json()))
                  .put("flags", 0))
          .put("user", user.json())
          .put("context", 1)
          .put("authorizing_integration_owners", DataObject.empty().put("0", user.id()));
    }
    if (message != null) {
      payload.put(
          "message", messageJson(message, guild == null ? dmChannelOf(user) : guild.channelId()));
    }
    interactions.put(token, new Pending(id, user, Optional.ofNullable(guild)));
    gateway.dispatch("INTERACTION_CREATE", payload);
    return new FakeInteraction(id, token, user, Optional.ofNullable(guild));
  }

  // ---- what the bot did ----

  /** What {@code user} sees from the bot, DMs and server answers alike, oldest first. */
  public synchronized List<SentMessage> messagesFor(FakeUser user) {
    return messages.values().stream().filter(m -> m.userId().equals(user.id())).toList();
  }

  /** Waits until {@code user} sees at least {@code count} messages; returns them. */
  public List<SentMessage> awaitMessages(FakeUser user, int count) {
    return awaitState(
        () -> messagesFor(user), l -> l.size() >= count, "messages for " + user.name());
  }

  /** Waits for a message to {@code user} whose text contains {@code fragment}; returns it. */
  public SentMessage awaitMessage(FakeUser user, String fragment) {
    return awaitState(
            () -> messagesFor(user).stream().filter(m -> m.content().contains(fragment)).toList(),
            l -> !l.isEmpty(),
            "a message containing '" + fragment + "' for " + user.name())
        .get(0);
  }

  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /** Waits for a call matching {@code filter}; returns the first. */
  public RecordedCall awaitCall(Predicate<RecordedCall> filter) {
    return awaitState(() -> calls().stream().filter(filter).toList(), l -> !l.isEmpty(), "a call")
        .get(0);
  }

  /** The interaction callbacks the bot made for {@code interaction}. */
  public List<RecordedCall> callbacks(FakeInteraction interaction) {
    return calls().stream()
        .filter(c -> c.is("POST", "interactions/" + interaction.id() + "/.*/callback"))
        .toList();
  }

  /** The commands registered globally (empty key) or in a server (its id). */
  public DataArray registeredCommands(String guildIdOrEmpty) {
    return commands.getOrDefault(guildIdOrEmpty, DataArray.empty());
  }

  private <T> T awaitState(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T value = read.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; have: " + value);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      value = read.get();
    }
    return value;
  }

  // ---- REST ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath().substring("/api/v10/".length());
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Request request = Request.read(exchange);
      Reply reply;
      if (!path.startsWith("webhooks/")
          && !path.startsWith("interactions/")
          && !("Bot " + TOKEN).equals(auth)) {
        reply = Reply.error(401, 0, "401: Unauthorized");
      } else {
        reply = route(method, path, request);
      }
      synchronized (this) {
        calls.add(
            new RecordedCall(method, path, request.json(), request.fileNames(), reply.status()));
      }
      reply.write(exchange);
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
  }

  private Reply route(String method, String path, Request request) {
    String[] p = path.split("/");
    if (method.equals("GET") && path.equals("users/@me")) {
      return Reply.ok(bot.json());
    }
    if (method.equals("POST") && path.equals("users/@me/channels")) {
      String userId = request.json().getString("recipient_id");
      FakeUser user = users.get(userId);
      return Reply.ok(
          DataObject.empty()
              .put("id", dmChannelOf(user))
              .put("type", 1)
              .put("recipients", DataArray.empty().add(user.json()))
              .put("flags", 0));
    }
    if (p[0].equals("channels") && p.length >= 3 && p[2].equals("typing")) {
      return Reply.noContent();
    }
    if (method.equals("POST")
        && p[0].equals("channels")
        && p.length == 3
        && p[2].equals("messages")) {
      return createInChannel(p[1], request);
    }
    if (method.equals("PATCH") && p[0].equals("channels") && p.length == 4) {
      return edit(p[3], request, p[1]);
    }
    if (method.equals("POST") && p[0].equals("interactions") && p.length == 4) {
      return callback(p[2], request);
    }
    if (p[0].equals("webhooks") && p.length >= 3) {
      return webhook(method, p, request);
    }
    if (method.equals("PUT") && p[0].equals("applications") && p[p.length - 1].equals("commands")) {
      String key = p.length == 5 ? p[3] : "";
      DataArray stored = DataArray.empty();
      DataArray sent = request.array();
      for (int i = 0; i < sent.length(); i++) {
        stored.add(
            sent.getObject(i)
                .put("id", nextId())
                .put("application_id", applicationId)
                .put("version", nextId())
                .put("type", sent.getObject(i).getInt("type", 1)));
      }
      commands.put(key, stored);
      return Reply.ok(stored);
    }
    return Reply.error(404, 0, "404: Not Found");
  }

  private Reply createInChannel(String channelId, Request request) {
    String userId =
        dmChannels.entrySet().stream()
            .filter(e -> e.getValue().equals(channelId))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (userId == null) {
      return Reply.error(404, 10003, "Unknown Channel");
    }
    if (dmsClosed.contains(userId)) {
      return Reply.error(403, 50007, "Cannot send messages to this user");
    }
    if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Reply.rateLimited(0.05);
    }
    Optional<Reply> invalid = invalid(request.json());
    if (invalid.isPresent()) {
      return invalid.get();
    }
    SentMessage sent = store(userId, Optional.empty(), false, request);
    return Reply.ok(messageJson(sent, channelId));
  }

  private Reply callback(String token, Request request) {
    Pending pending = interactions.get(token);
    if (pending == null) {
      return Reply.error(404, 10062, "Unknown interaction");
    }
    if (!pending.acknowledge()) {
      return Reply.error(400, 40060, "Interaction has already been acknowledged.");
    }
    DataObject body = request.json();
    int type = body.getInt("type");
    DataObject data = body.optObject("data").orElse(DataObject.empty());
    boolean ephemeral = (data.getInt("flags", 0) & 64) != 0;
    switch (type) {
      case 4 -> {
        Optional<Reply> invalid = invalid(data);
        if (invalid.isPresent()) {
          return invalid.get();
        }
        pending.original =
            store(pending.user.id(), guildIdOf(pending), ephemeral, data, List.of()).id();
      }
      case 5 -> {
        pending.deferred = true;
        pending.ephemeral = ephemeral;
      }
      default -> {}
    }
    return Reply.noContent();
  }

  private Reply webhook(String method, String[] p, Request request) {
    Pending pending = interactions.get(p[2]);
    if (pending == null || !p[1].equals(applicationId)) {
      return Reply.error(404, 10015, "Unknown Webhook");
    }
    if (method.equals("POST") && p.length == 3) {
      Optional<Reply> invalid = invalid(request.json());
      if (invalid.isPresent()) {
        return invalid.get();
      }
      boolean ephemeral =
          pending.deferred && pending.original == null
              ? pending.ephemeral
              : (request.json().getInt("flags", 0) & 64) != 0;
      SentMessage sent = store(pending.user.id(), guildIdOf(pending), ephemeral, request);
      if (pending.deferred && pending.original == null) {
        pending.original = sent.id(); // the first follow-up of a deferred reply replaces it
      }
      return Reply.ok(messageJson(sent, channelOf(pending)));
    }
    if (p.length == 5 && p[3].equals("messages")) {
      String messageId = p[4].equals("@original") ? pending.original : p[4];
      if (method.equals("DELETE")) {
        synchronized (this) {
          if (messageId != null) {
            messages.remove(messageId);
          }
        }
        pending.deferred = false;
        return Reply.noContent();
      }
      if (method.equals("PATCH")) {
        if (messageId == null) {
          return Reply.error(404, 10008, "Unknown Message");
        }
        return edit(messageId, request, channelOf(pending));
      }
    }
    return Reply.error(404, 0, "404: Not Found");
  }

  private Reply edit(String messageId, Request request, String channelId) {
    DataObject body = request.json();
    Optional<Reply> invalid = invalid(body);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    synchronized (this) {
      SentMessage current = messages.get(messageId);
      if (current == null) {
        return Reply.error(404, 10008, "Unknown Message");
      }
      SentMessage edited =
          current.edited(
              body.getString("content", current.content()),
              body.optArray("components").orElse(current.components()));
      messages.put(messageId, edited);
      return Reply.ok(messageJson(edited, channelId));
    }
  }

  /** Discord's checks of a message body that matter here (code 50035, Invalid Form Body). */
  private static Optional<Reply> invalid(DataObject body) {
    String content = body.getString("content", "");
    if (content.length() > CONTENT_MAX) {
      return Optional.of(
          Reply.error(400, 50035, "Invalid Form Body: content over 2000 characters"));
    }
    DataArray rows = body.optArray("components").orElse(DataArray.empty());
    if (rows.length() > 5) {
      return Optional.of(Reply.error(400, 50035, "Invalid Form Body: more than 5 action rows"));
    }
    for (int r = 0; r < rows.length(); r++) {
      DataArray row = rows.getObject(r).optArray("components").orElse(DataArray.empty());
      if (row.length() > 5) {
        return Optional.of(Reply.error(400, 50035, "Invalid Form Body: more than 5 buttons"));
      }
      for (int c = 0; c < row.length(); c++) {
        DataObject component = row.getObject(c);
        if (component.getString("label", "").length() > 80
            || component.getString("custom_id", "").length() > 100) {
          return Optional.of(Reply.error(400, 50035, "Invalid Form Body: component too long"));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> guildIdOf(Pending pending) {
    return pending.guild.map(FakeGuild::id);
  }

  private String channelOf(Pending pending) {
    return pending.guild.map(FakeGuild::channelId).orElseGet(() -> dmChannelOf(pending.user));
  }

  private SentMessage store(
      String userId, Optional<String> guildId, boolean ephemeral, Request request) {
    return store(userId, guildId, ephemeral, request.json(), request.fileNames());
  }

  private synchronized SentMessage store(
      String userId,
      Optional<String> guildId,
      boolean ephemeral,
      DataObject body,
      List<String> files) {
    SentMessage sent =
        new SentMessage(
            nextId(),
            userId,
            guildId,
            ephemeral,
            body.getString("content", ""),
            body.optArray("components").orElse(DataArray.empty()),
            files);
    messages.put(sent.id(), sent);
    return sent;
  }

  // ---- payloads ----

  private DataObject ready() {
    List<FakeGuild> known;
    synchronized (guilds) {
      known = List.copyOf(guilds);
    }
    return DataObject.empty()
        .put("v", 10)
        .put("user", bot.json().put("verified", true).put("mfa_enabled", false))
        .put("guilds", FakeGateway.stubs(known))
        .put("private_channels", DataArray.empty())
        .put("application", DataObject.empty().put("id", applicationId).put("flags", 0));
  }

  private List<DataObject> guildCreates() {
    synchronized (guilds) {
      return guilds.stream().map(g -> g.createJson(bot)).toList();
    }
  }

  private DataObject dmMessage(String id, FakeUser user, String text) {
    return DataObject.empty()
        .put("id", id)
        .put("channel_id", dmChannelOf(user))
        .put("author", user.json())
        .put("content", text)
        .put("timestamp", Instant.now().toString())
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("embeds", DataArray.empty())
        .put("pinned", false)
        .put("type", 0)
        .put("flags", 0)
        .put("components", DataArray.empty());
  }

  private DataObject messageJson(SentMessage sent, String channelId) {
    return DataObject.empty()
        .put("id", sent.id())
        .put("channel_id", channelId)
        .put("author", bot.json())
        .put("content", sent.content())
        .put("timestamp", Instant.now().toString())
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("attachments", DataArray.empty())
        .put("embeds", DataArray.empty())
        .put("pinned", false)
        .put("type", 0)
        .put("flags", sent.ephemeral() ? 64 : 0)
        .put("components", sent.components())
        .put("application_id", applicationId);
  }

  private String nextId() {
    return Long.toString(snowflakes.incrementAndGet());
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An interaction the bot has not finished with. */
  private static final class Pending {
    final String id;
    final FakeUser user;
    final Optional<FakeGuild> guild;
    private boolean acknowledged;
    volatile boolean deferred;
    volatile boolean ephemeral;
    volatile String original;

    Pending(String id, FakeUser user, Optional<FakeGuild> guild) {
      this.id = id;
      this.user = user;
      this.guild = guild;
    }

    synchronized boolean acknowledge() {
      if (acknowledged) {
        return false;
      }
      acknowledged = true;
      return true;
    }
  }
}
