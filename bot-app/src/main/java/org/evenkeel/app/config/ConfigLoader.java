package org.evenkeel.app.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.evenkeel.core.content.load.Durations;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.schedule.Jitter;
import org.evenkeel.core.schedule.SchedulingSettings;
import org.evenkeel.telegram.SendLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@link Settings}: defaults, then {@code config/evenkeel.yaml}, then environment variables
 * named {@code EVENKEEL_} plus the key in upper case with dots as underscores (so {@code
 * engine.max_text_length} is {@code EVENKEEL_ENGINE_MAX_TEXT_LENGTH}). Every unknown key and bad
 * value is reported at once, naming the key and where it was set.
 */
public final class ConfigLoader {

  private static final String ENV_PREFIX = "EVENKEEL_";

  /** Every setting: its key, default and how to read it. */
  private static final Map<String, Key<?>> KEYS = new LinkedHashMap<>();

  static {
    key("content.dir", "content", ConfigLoader::path);
    key("content.reload_interval", "5s", v -> durationWithin(v, "0s", Duration.ofDays(1), "24h"));
    key("engine.max_text_length", "4000", v -> wholeNumber(v, 100, 100_000));
    key("engine.crisis_repeat_window", "10m", ConfigLoader::duration);
    key("engine.intent_threshold", "0.5", ConfigLoader::fraction);
    key("checkins.jitter", "5m", v -> durationWithin(v, "0s", Jitter.MAX_MAX, "1h"));
    key("checkins.grace", "3h", v -> durationWithin(v, "0s", SchedulingSettings.MAX_GRACE, "12h"));
    key("checkins.follow_up_after", "4h", v -> durationWithin(v, "1m", Duration.ofDays(1), "24h"));
    key(
        "retention.inactive_after",
        "0s",
        v -> durationWithin(v, "0s", Duration.ofDays(3650), "3650d"));
    key("retention.warning", "14d", v -> durationWithin(v, "1d", Duration.ofDays(90), "90d"));
    key("timers.poll_interval", "250ms", ConfigLoader::duration);
    key("timers.visibility", "60s", ConfigLoader::duration);
    key("workers", "4", v -> wholeNumber(v, 1, 256));
    key("http.host", "0.0.0.0", ConfigLoader::host);
    key("http.port", "8080", v -> wholeNumber(v, 0, 65_535));
    key("console.user", "you", ConfigLoader::name);
    key("console.export_dir", ".evenkeel/exports", ConfigLoader::path);
    key("logging.level", "info", ConfigLoader::level);
    key("logging.format", "text", ConfigLoader::logFormat);
    key("telegram.api_url", "https://api.telegram.org", ConfigLoader::serverUrl);
    key("telegram.mode", "polling", ConfigLoader::mode);
    key("telegram.webhook.public_url", "", ConfigLoader::optionalHttpsUrl);
    key("telegram.webhook.listen_host", "0.0.0.0", ConfigLoader::host);
    key("telegram.webhook.listen_port", "8080", v -> wholeNumber(v, 1, 65_535));
    key("telegram.webhook.max_connections", "40", v -> wholeNumber(v, 1, 100));
    key("telegram.limits.per_second", "30", v -> wholeNumber(v, 1, 1_000_000));
    key("telegram.limits.per_chat_per_second", "1", v -> wholeNumber(v, 1, 1_000_000));
    key("telegram.limits.chat_burst", "3", v -> wholeNumber(v, 1, 1_000_000));
    key("telegram.limits.per_group_per_minute", "20", v -> wholeNumber(v, 1, 1_000_000));
    key("telegram.limits.proactive_per_second", "20", v -> wholeNumber(v, 1, 1_000_000));
    key("discord.api_url", "", v -> optionalUrl(v, "http", "https"));
    key("discord.gateway_url", "", v -> optionalUrl(v, "ws", "wss"));
    key("discord.command_guilds", "", ConfigLoader::snowflakes);
    key("discord.shards.total", "1", v -> wholeNumber(v, 1, 100_000));
    key("discord.shards.owned", "all", ConfigLoader::shardRanges);
    key("discord.limits.proactive_per_second", "10", v -> wholeNumber(v, 1, 1_000_000));
    key("discord.invalid_request_soft_limit", "1000", v -> wholeNumber(v, 1, 9_999));
  }

  private ConfigLoader() {}

  /** Loads the file (if it exists) and applies {@code env} overrides. */
  public static Settings load(Path file, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, Located> values = new LinkedHashMap<>();
    KEYS.forEach((k, v) -> values.put(k, new Located(v.defaultValue(), "default")));
    if (Files.isRegularFile(file)) {
      readFile(file, values, problems);
    } else if (!file.equals(defaultFile())) {
      problems.add(file + ": configuration file not found");
    }
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(ENV_PREFIX)) {
            return;
          }
          String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
          Optional<String> match =
              KEYS.keySet().stream().filter(k -> envName(k).equals(name)).findFirst();
          if (match.isPresent()) {
            values.put(match.get(), new Located(value, "environment " + name));
          } else {
            problems.add(
                "environment "
                    + name
                    + ": unknown setting '"
                    + key
                    + "' (known: "
                    + knownEnv()
                    + ")");
          }
        });
    Map<String, Object> parsed = new LinkedHashMap<>();
    values.forEach(
        (key, located) -> {
          try {
            parsed.put(key, KEYS.get(key).parser().apply(located.value().strip()));
          } catch (IllegalArgumentException e) {
            problems.add(
                located.where()
                    + ": "
                    + key
                    + ": "
                    + e.getMessage()
                    + " but was '"
                    + located.value()
                    + "'");
          }
        });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    try {
      return new Settings(
          (Path) parsed.get("content.dir"),
          (Duration) parsed.get("content.reload_interval"),
          new EngineSettings(
              (Integer) parsed.get("engine.max_text_length"),
              (Duration) parsed.get("engine.crisis_repeat_window"),
              (Double) parsed.get("engine.intent_threshold"),
              new SchedulingSettings(
                  (Duration) parsed.get("checkins.jitter"),
                  (Duration) parsed.get("checkins.grace"),
                  (Duration) parsed.get("checkins.follow_up_after")),
              retention(parsed)),
          (Duration) parsed.get("timers.poll_interval"),
          (Duration) parsed.get("timers.visibility"),
          (Integer) parsed.get("workers"),
          (String) parsed.get("http.host"),
          (Integer) parsed.get("http.port"),
          (String) parsed.get("console.user"),
          (Path) parsed.get("console.export_dir"),
          (String) parsed.get("logging.level"),
          (String) parsed.get("logging.format"),
          telegram(parsed),
          discord(parsed));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(e.getMessage()));
    }
  }

  /** The file read when none is named. */
  public static Path defaultFile() {
    return Path.of("config", "evenkeel.yaml");
  }

  /** The environment variable that overrides {@code key}. */
  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static String knownEnv() {
    TreeSet<String> names = new TreeSet<>();
    KEYS.keySet().forEach(k -> names.add(envName(k)));
    return String.join(", ", names);
  }

  private static void readFile(Path file, Map<String, Located> values, List<String> problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
      return;
    }
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      problems.add(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
      return;
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(file + ": expected settings as keys and values");
      return;
    }
    flatten(file, "", mapping, values, problems);
  }

  private static void flatten(
      Path file,
      String prefix,
      MappingNode node,
      Map<String, Located> values,
      List<String> problems) {
    for (NodeTuple tuple : node.getValue()) {
      String name = ((ScalarNode) tuple.getKeyNode()).getValue();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      int line = tuple.getKeyNode().getStartMark().getLine() + 1;
      Node value = tuple.getValueNode();
      if (value instanceof MappingNode child) {
        flatten(file, key, child, values, problems);
      } else if (!KEYS.containsKey(key)) {
        problems.add(
            file
                + ":"
                + line
                + ": unknown setting '"
                + key
                + "' (known: "
                + String.join(", ", new TreeSet<>(KEYS.keySet()))
                + ")");
      } else if (value instanceof ScalarNode scalar) {
        values.put(key, new Located(scalar.getValue(), file + ":" + line));
      } else {
        problems.add(file + ":" + line + ": " + key + ": expected a single value");
      }
    }
  }

  private static <T> void key(String name, String defaultValue, Function<String, T> parser) {
    KEYS.put(name, new Key<>(defaultValue, parser));
  }

  private static Path path(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("expected a path");
    }
    return Path.of(value);
  }

  private static Integer wholeNumber(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
  }

  private static Double fraction(String value) {
    try {
      double d = Double.parseDouble(value);
      if (d > 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a number above 0 and at most 1");
  }

  private static Duration duration(String value) {
    return Durations.parse(value)
        .orElseThrow(
            () -> new IllegalArgumentException("expected a duration such as 250ms, 60s or 10m"));
  }

  private static EngineSettings.Retention retention(Map<String, Object> parsed) {
    Duration after = (Duration) parsed.get("retention.inactive_after");
    Duration warning = (Duration) parsed.get("retention.warning");
    if (!after.isZero() && warning.compareTo(after) >= 0) {
      throw new IllegalArgumentException(
          "retention.warning ("
              + warning.toDays()
              + "d) must be shorter than retention.inactive_after ("
              + after.toDays()
              + "d)");
    }
    return new EngineSettings.Retention(after, warning);
  }

  /**
   * A duration of whole seconds from {@code min} to {@code max} (written as the operator would).
   */
  private static Duration durationWithin(String value, String min, Duration max, String maxText) {
    Duration parsed = isZero(value) ? Duration.ZERO : duration(value);
    Duration least = isZero(min) ? Duration.ZERO : duration(min);
    if (parsed.compareTo(least) < 0 || parsed.compareTo(max) > 0 || parsed.getNano() != 0) {
      throw new IllegalArgumentException(
          "expected a duration of whole seconds from " + min + " to " + maxText);
    }
    return parsed;
  }

  private static boolean isZero(String value) {
    return value.strip().matches("0+(ms|s|m|h|d)?");
  }

  private static String name(String value) {
    if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("expected 1-64 letters, digits, '-' or '_'");
    }
    return value;
  }

  private static String logFormat(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!List.of("text", "json").contains(lower)) {
      throw new IllegalArgumentException("expected text or json");
    }
    return lower;
  }

  private static String level(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!List.of("error", "warn", "info", "debug", "trace").contains(lower)) {
      throw new IllegalArgumentException("expected one of error, warn, info, debug, trace");
    }
    return lower;
  }

  @SuppressWarnings("unchecked")
  private static TelegramSettings telegram(Map<String, Object> parsed) {
    TelegramSettings.Mode mode = (TelegramSettings.Mode) parsed.get("telegram.mode");
    Optional<URI> publicUrl = (Optional<URI>) parsed.get("telegram.webhook.public_url");
    if (mode == TelegramSettings.Mode.WEBHOOK && publicUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "telegram.mode: webhook needs telegram.webhook.public_url (the https address Telegram"
              + " posts to)");
    }
    return new TelegramSettings(
        (URI) parsed.get("telegram.api_url"),
        mode,
        publicUrl,
        (String) parsed.get("telegram.webhook.listen_host"),
        (Integer) parsed.get("telegram.webhook.listen_port"),
        (Integer) parsed.get("telegram.webhook.max_connections"),
        new SendLimits(
            Rate.perSecond((Integer) parsed.get("telegram.limits.per_second")),
            Rate.perSecond((Integer) parsed.get("telegram.limits.per_chat_per_second"))
                .withCapacity((Integer) parsed.get("telegram.limits.chat_burst")),
            Rate.perMinute((Integer) parsed.get("telegram.limits.per_group_per_minute")),
            Rate.perSecond((Integer) parsed.get("telegram.limits.proactive_per_second"))));
  }

  @SuppressWarnings("unchecked")
  private static DiscordSettings discord(Map<String, Object> parsed) {
    int total = (Integer) parsed.get("discord.shards.total");
    List<Integer> owned = (List<Integer>) parsed.get("discord.shards.owned");
    if (owned.isEmpty()) {
      owned = java.util.stream.IntStream.range(0, total).boxed().toList();
    }
    for (int shard : owned) {
      if (shard >= total) {
        throw new IllegalArgumentException(
            "discord.shards.owned: shard "
                + shard
                + " does not exist with discord.shards.total "
                + total
                + " (shards are 0 to "
                + (total - 1)
                + ")");
      }
    }
    return new DiscordSettings(
        (Optional<URI>) parsed.get("discord.api_url"),
        (Optional<URI>) parsed.get("discord.gateway_url"),
        (List<String>) parsed.get("discord.command_guilds"),
        total,
        owned,
        Rate.perSecond((Integer) parsed.get("discord.limits.proactive_per_second")),
        (Integer) parsed.get("discord.invalid_request_soft_limit"));
  }

  /** An address with one of {@code schemes} and a host, or nothing. */
  public static Optional<URI> optionalUrl(String value, String... schemes) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      if (List.of(schemes).contains(uri.getScheme())
          && uri.getHost() != null
          && uri.getUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "expected a " + String.join(" or ", schemes) + " address with a host, or nothing");
  }

  /** Server ids, comma-separated: Discord's snowflakes are 17-20 digits. */
  private static List<String> snowflakes(String value) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : value.split(",")) {
      String id = part.strip();
      if (!id.matches("[0-9]{15,20}")) {
        throw new IllegalArgumentException(
            "expected server ids (15-20 digits) separated by commas");
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  /** "all", or shard numbers and ranges such as {@code 0-3,8}. */
  private static List<Integer> shardRanges(String value) {
    if (value.equalsIgnoreCase("all")) {
      return List.of();
    }
    java.util.TreeSet<Integer> shards = new java.util.TreeSet<>();
    for (String part : value.split(",")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\s*([0-9]{1,6})(?:\\s*-\\s*([0-9]{1,6}))?\\s*")
              .matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("expected all, or shards and ranges such as 0-3,8");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (to < from) {
        throw new IllegalArgumentException("a range must go upwards, as in 0-3");
      }
      for (int i = from; i <= to; i++) {
        shards.add(i);
      }
    }
    return List.copyOf(shards);
  }

  /** A Bot API server: http(s), a host, an optional port, nothing else. */
  public static URI serverUrl(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected http(s)://host or http(s)://host:port");
  }

  private static Optional<URI> optionalHttpsUrl(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected an https:// address, or nothing");
  }

  private static TelegramSettings.Mode mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "polling" -> TelegramSettings.Mode.POLLING;
      case "webhook" -> TelegramSettings.Mode.WEBHOOK;
      default -> throw new IllegalArgumentException("expected polling or webhook");
    };
  }

  private static String host(String value) {
    if (!value.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
      throw new IllegalArgumentException("expected a host name or IP address");
    }
    return value;
  }

  private record Key<T>(String defaultValue, Function<String, T> parser) {}

  private record Located(String value, String where) {}
}
