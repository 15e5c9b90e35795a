package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The methods about the bot itself: who it is, how it gets updates, and its command menu. */
final class BotMethods {

  /**
   * "Values between 1-100 are accepted. Defaults to 100."
   * (https://core.telegram.org/bots/api#getupdates)
   */
  static final int GET_UPDATES_LIMIT_MAX = 100;

  /**
   * "Ports currently supported for webhooks: 443, 80, 88, 8443."
   * (https://core.telegram.org/bots/api#setwebhook)
   */
  private static final Set<Integer> WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);

  /**
   * "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed."
   * (https://core.telegram.org/bots/api#setwebhook)
   */
  private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * "Text of the command; 1-32 characters. Can contain only lowercase English letters, digits and
   * underscores." (https://core.telegram.org/bots/api#botcommand)
   */
  private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

  /**
   * "Description of the command; 1-256 characters." (https://core.telegram.org/bots/api#botcommand)
   */
  private static final int COMMAND_DESCRIPTION_MAX = 256;

  /** "At most 100 commands can be specified." (https://core.telegram.org/bots/api#setmycommands) */
  private static final int COMMANDS_MAX = 100;

  private final BotIdentity bot;
  private final UpdateQueue updates;
  private final Map<String, JsonNode> commands = new HashMap<>();
  // The webhook and command settings are written by server threads and read by tests: guarded by
  // this object's monitor.
  private String webhookUrl = "";
  private Optional<JsonNode> webhookAllowedUpdates = Optional.empty();
  private int webhookMaxConnections = 40;

  BotMethods(BotIdentity bot, UpdateQueue updates) {
    this.bot = bot;
    this.updates = updates;
  }

  ApiResult getMe(RequestParameters p) {
    return ApiResult.ok(bot.getMe());
  }

  /** Holds the calling thread while there is nothing to return; see {@link UpdateQueue}. */
  ApiResult getUpdates(RequestParameters p) throws BotApiRejection, InterruptedException {
    int limit = (int) Math.max(1, Math.min(GET_UPDATES_LIMIT_MAX, p.number("limit").orElse(100L)));
    int timeout = (int) Math.max(0, p.number("timeout").orElse(0L));
    Optional<Set<String>> allowed = p.json("allowed_updates").map(BotMethods::strings);
    UpdateQueue.Poll poll = updates.poll(p.number("offset"), limit, timeout, allowed);
    if (poll instanceof UpdateQueue.Poll.Conflict conflict) {
      throw new BotApiRejection(ApiResult.conflict(conflict.description()));
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    ((UpdateQueue.Poll.Updates) poll).updates().forEach(result::add);
    return ApiResult.ok(result);
  }

  ApiResult setWebhook(RequestParameters p) throws BotApiRejection {
    String url = p.string("url").orElse("").trim();
    if (url.isEmpty()) {
      return deleteWebhook(p); // "Use an empty string to remove webhook integration"
    }
    checkWebhookUrl(url);
    Optional<String> secret = p.string("secret_token");
    if (secret.isPresent() && !SECRET_TOKEN.matcher(secret.get()).matches()) {
      throw BotApiRejection.badRequest("secret token contains unallowed characters");
    }
    if (p.flag("drop_pending_updates")) {
      updates.clear();
    }
    synchronized (this) {
      webhookUrl = url;
      webhookAllowedUpdates = p.json("allowed_updates");
      webhookMaxConnections = p.number("max_connections").map(Long::intValue).orElse(40);
    }
    updates.webhookSet(true);
    return ApiResult.ok();
  }

  ApiResult deleteWebhook(RequestParameters p) {
    if (p.flag("drop_pending_updates")) {
      updates.clear();
    }
    synchronized (this) {
      webhookUrl = "";
      webhookAllowedUpdates = Optional.empty();
    }
    updates.webhookSet(false);
    return ApiResult.ok();
  }

  /** Only the fields TelegramBots 10.2 knows: its WebhookInfo fails on unknown ones. */
  synchronized ApiResult getWebhookInfo(RequestParameters p) {
    ObjectNode info =
        JsonNodeFactory.instance
            .objectNode()
            .put("url", webhookUrl)
            .put("has_custom_certificate", false)
            .put("pending_update_count", updates.size());
    if (!webhookUrl.isEmpty()) {
      info.put("max_connections", webhookMaxConnections);
      webhookAllowedUpdates.ifPresent(allowed -> info.set("allowed_updates", allowed));
    }
    return ApiResult.ok(info);
  }

  synchronized Optional<String> webhookUrl() {
    return webhookUrl.isEmpty() ? Optional.empty() : Optional.of(webhookUrl);
  }

  ApiResult setMyCommands(RequestParameters p) throws BotApiRejection {
    JsonNode list = p.json("commands").orElse(JsonNodeFactory.instance.arrayNode());
    if (!list.isArray()) {
      throw BotApiRejection.badRequest("can't parse commands JSON object");
    }
    if (list.size() > COMMANDS_MAX) {
      throw BotApiRejection.badRequest("too many commands specified");
    }
    for (JsonNode command : list) {
      checkCommand(command);
    }
    synchronized (this) {
      commands.put(commandsKey(p), list.deepCopy());
    }
    return ApiResult.ok();
  }

  synchronized ApiResult getMyCommands(RequestParameters p) {
    return ApiResult.ok(
        commands.getOrDefault(commandsKey(p), JsonNodeFactory.instance.arrayNode()).deepCopy());
  }

  synchronized ApiResult deleteMyCommands(RequestParameters p) {
    commands.remove(commandsKey(p));
    return ApiResult.ok();
  }

  /** The commands set for the default scope and this language ("" for all languages). */
  synchronized Optional<JsonNode> myCommands(String languageCode) {
    return myCommands("default", languageCode);
  }

  /** The commands set for a scope type ("default", "all_private_chats", …) and a language. */
  synchronized Optional<JsonNode> myCommands(String scope, String languageCode) {
    return Optional.ofNullable(commands.get(scope + "|" + languageCode)).map(JsonNode::deepCopy);
  }

  private static void checkCommand(JsonNode command) throws BotApiRejection {
    if (!command.hasNonNull("command")) {
      throw BotApiRejection.badRequest("can't parse BotCommand: Can't find field \"command\"");
    }
    if (!command.hasNonNull("description")) {
      throw BotApiRejection.badRequest("can't parse BotCommand: Can't find field \"description\"");
    }
    if (!COMMAND.matcher(command.get("command").asText()).matches()) {
      throw BotApiRejection.badRequest("BOT_COMMAND_INVALID");
    }
    String description = command.get("description").asText();
    if (description.isBlank()) {
      throw BotApiRejection.badRequest("command description must be non-empty");
    }
    if (description.codePointCount(0, description.length()) > COMMAND_DESCRIPTION_MAX) {
      // Wording not seen from Telegram; the limit is documented.
      throw BotApiRejection.badRequest("command description is too long");
    }
  }

  private static String commandsKey(RequestParameters p) {
    String scope = p.json("scope").map(s -> s.path("type").asText("default")).orElse("default");
    return scope + "|" + p.string("language_code").orElse("");
  }

  private static void checkWebhookUrl(String url) throws BotApiRejection {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw BotApiRejection.badRequest(
          "bad webhook: Failed to resolve host: Name or service not known");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw BotApiRejection.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    int port = uri.getPort() == -1 ? 443 : uri.getPort();
    if (!WEBHOOK_PORTS.contains(port)) {
      throw BotApiRejection.badRequest(
          "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
