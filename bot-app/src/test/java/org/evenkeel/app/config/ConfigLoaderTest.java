package org.evenkeel.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.schedule.SchedulingSettings;
import org.evenkeel.telegram.SendLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path file = dir.resolve("evenkeel.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void shippedDefaults_load() {
    Settings settings = ConfigLoader.load(Path.of("../config/evenkeel.yaml"), Map.of());
    assertThat(settings.engine().maxTextLength()).isEqualTo(4000);
    assertThat(settings.timerVisibility()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.consoleUser()).isEqualTo("you");
  }

  @Test
  void environment_overridesFile() throws Exception {
    Settings settings =
        ConfigLoader.load(
            file("engine:\n  max_text_length: 2000\n"),
            Map.of("EVENKEEL_ENGINE_MAX_TEXT_LENGTH", "3000", "PATH", "/bin"));
    assertThat(settings.engine().maxTextLength()).isEqualTo(3000);
  }

  @Test
  void everyProblem_isReportedAtOnce_namingKeyAndPlace() throws Exception {
    Path file =
        file(
            "engine:\n"
                + "  max_text_lenght: 2000\n"
                + "  crisis_repeat_window: ten minutes\n"
                + "workers: 0\n");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    file, Map.of("EVENKEEL_TIMERS_VISIBILITY", "soon", "EVENKEEL_COLOUR", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "5 problems in configuration:\n"
                + "  "
                + file
                + ":2: unknown setting 'engine.max_text_lenght' (known: checkins.follow_up_after,"
                + " checkins.grace, checkins.jitter, console.export_dir, console.user,"
                + " content.dir, content.reload_interval, discord.api_url, discord.command_guilds, discord.gateway_url,"
                + " discord.invalid_request_soft_limit, discord.limits.proactive_per_second,"
                + " discord.shards.owned, discord.shards.total, engine.crisis_repeat_window, engine.intent_threshold,"
                + " engine.max_text_length, http.host, http.port, logging.format, logging.level,"
                + " retention.inactive_after, retention.warning, telegram.api_url, telegram.limits.chat_burst, telegram.limits.per_chat_per_second, telegram.limits.per_group_per_minute, telegram.limits.per_second, telegram.limits.proactive_per_second, telegram.mode, telegram.webhook.listen_host, telegram.webhook.listen_port, telegram.webhook.max_connections, telegram.webhook.public_url, timers.poll_interval, timers.visibility,"
                + " workers)\n"
                + "  environment EVENKEEL_COLOUR: unknown setting 'colour' (known:"
                + " EVENKEEL_CHECKINS_FOLLOW_UP_AFTER, EVENKEEL_CHECKINS_GRACE,"
                + " EVENKEEL_CHECKINS_JITTER, EVENKEEL_CONSOLE_EXPORT_DIR,"
                + " EVENKEEL_CONSOLE_USER, EVENKEEL_CONTENT_DIR, EVENKEEL_CONTENT_RELOAD_INTERVAL, EVENKEEL_DISCORD_API_URL,"
                + " EVENKEEL_DISCORD_COMMAND_GUILDS, EVENKEEL_DISCORD_GATEWAY_URL,"
                + " EVENKEEL_DISCORD_INVALID_REQUEST_SOFT_LIMIT,"
                + " EVENKEEL_DISCORD_LIMITS_PROACTIVE_PER_SECOND, EVENKEEL_DISCORD_SHARDS_OWNED,"
                + " EVENKEEL_DISCORD_SHARDS_TOTAL, EVENKEEL_ENGINE_CRISIS_REPEAT_WINDOW,"
                + " EVENKEEL_ENGINE_INTENT_THRESHOLD, EVENKEEL_ENGINE_MAX_TEXT_LENGTH,"
                + " EVENKEEL_HTTP_HOST, EVENKEEL_HTTP_PORT,"
                + " EVENKEEL_LOGGING_FORMAT,"
                + " EVENKEEL_LOGGING_LEVEL, EVENKEEL_RETENTION_INACTIVE_AFTER,"
                + " EVENKEEL_RETENTION_WARNING,"
                + " EVENKEEL_TELEGRAM_API_URL, EVENKEEL_TELEGRAM_LIMITS_CHAT_BURST, EVENKEEL_TELEGRAM_LIMITS_PER_CHAT_PER_SECOND, EVENKEEL_TELEGRAM_LIMITS_PER_GROUP_PER_MINUTE, EVENKEEL_TELEGRAM_LIMITS_PER_SECOND, EVENKEEL_TELEGRAM_LIMITS_PROACTIVE_PER_SECOND, EVENKEEL_TELEGRAM_MODE, EVENKEEL_TELEGRAM_WEBHOOK_LISTEN_HOST, EVENKEEL_TELEGRAM_WEBHOOK_LISTEN_PORT, EVENKEEL_TELEGRAM_WEBHOOK_MAX_CONNECTIONS, EVENKEEL_TELEGRAM_WEBHOOK_PUBLIC_URL, EVENKEEL_TIMERS_POLL_INTERVAL, EVENKEEL_TIMERS_VISIBILITY,"
                + " EVENKEEL_WORKERS)\n"
                + "  "
                + file
                + ":3: engine.crisis_repeat_window: expected a duration such as 250ms, 60s or 10m but"
                + " was 'ten minutes'\n"
                + "  environment EVENKEEL_TIMERS_VISIBILITY: timers.visibility: expected a duration such"
                + " as 250ms, 60s or 10m but was 'soon'\n"
                + "  "
                + file
                + ":4: workers: expected a whole number from 1 to 256 but was '0'");
  }

  @Test
  void checkins_defaultsAndOverrides_reachTheEngine_andOutOfRangeValuesNameTheirKey()
      throws Exception {
    Settings defaults = ConfigLoader.load(Path.of("../config/evenkeel.yaml"), Map.of());
    assertThat(defaults.engine().checkins()).isEqualTo(SchedulingSettings.DEFAULTS);

    Settings custom =
        ConfigLoader.load(
            file("checkins:\n  grace: 1h\n"),
            Map.of("EVENKEEL_CHECKINS_FOLLOW_UP_AFTER", "2h", "EVENKEEL_CHECKINS_JITTER", "0s"));
    assertThat(custom.engine().checkins())
        .isEqualTo(new SchedulingSettings(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2)));

    Path bad = file("checkins:\n  grace: 13h\n  follow_up_after: 0s\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            ":2: checkins.grace: expected a duration of whole seconds from 0s to 12h but was"
                + " '13h'")
        .hasMessageContaining(
            ":3: checkins.follow_up_after: expected a duration of whole seconds from 1m to 24h"
                + " but was '0s'");
  }

  @Test
  void retention_isOffByDefault_readsAPeriod_andAWarningNotBeforeItIsRefused() throws Exception {
    Settings defaults = ConfigLoader.load(Path.of("../config/evenkeel.yaml"), Map.of());
    assertThat(defaults.engine().retention().deletes()).isFalse();

    Settings year =
        ConfigLoader.load(
            file("retention:\n  inactive_after: 365d\n"),
            Map.of("EVENKEEL_RETENTION_WARNING", "30d"));
    assertThat(year.engine().retention().inactiveAfter()).isEqualTo(Duration.ofDays(365));
    assertThat(year.engine().retention().warning()).isEqualTo(Duration.ofDays(30));

    Path bad = file("retention:\n  inactive_after: 10d\n  warning: 14d\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "retention.warning (14d) must be shorter than retention.inactive_after");
  }

  @Test
  void telegram_defaultsToPollingTelegramsServer_andWebhookSettingsAreRead() throws Exception {
    Settings defaults = ConfigLoader.load(Path.of("../config/evenkeel.yaml"), Map.of());
    assertThat(defaults.telegram().mode()).isEqualTo(TelegramSettings.Mode.POLLING);
    assertThat(defaults.telegram().apiUrl().getScheme()).isEqualTo("https");

    Settings webhook =
        ConfigLoader.load(
            file(
                "telegram:\n  mode: webhook\n  webhook:\n    public_url: https://bot.example.org/t/x1\n"),
            Map.of("EVENKEEL_TELEGRAM_WEBHOOK_LISTEN_PORT", "9000"));
    assertThat(webhook.telegram().mode()).isEqualTo(TelegramSettings.Mode.WEBHOOK);
    assertThat(webhook.telegram().webhookPublicUrl())
        .map(Object::toString)
        .contains("https://bot.example.org/t/x1");
    assertThat(webhook.telegram().listenPort()).isEqualTo(9000);
  }

  @Test
  void telegram_sendLimits_defaultToTelegramsOwn_andAreRead() throws Exception {
    SendLimits defaults = ConfigLoader.load(file(""), Map.of()).telegram().limits();
    assertThat(defaults).isEqualTo(SendLimits.DEFAULTS);

    SendLimits chosen =
        ConfigLoader.load(
                file("telegram:\n  limits:\n    per_second: 25\n    chat_burst: 1\n"),
                Map.of(
                    "EVENKEEL_TELEGRAM_LIMITS_PER_GROUP_PER_MINUTE", "10",
                    "EVENKEEL_TELEGRAM_LIMITS_PROACTIVE_PER_SECOND", "5"))
            .telegram()
            .limits();
    assertThat(chosen)
        .isEqualTo(
            new SendLimits(
                Rate.perSecond(25), Rate.perSecond(1), Rate.perMinute(10), Rate.perSecond(5)));
  }

  @Test
  void telegram_aSendLimitBelowOne_isNamed() throws Exception {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    file("telegram:\n  limits:\n    per_chat_per_second: 0\n"),
                    Map.of("EVENKEEL_TELEGRAM_LIMITS_PER_SECOND", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "telegram.limits.per_chat_per_second: expected a whole number from 1 to 1000000 but"
                + " was '0'")
        .hasMessageContaining(
            "telegram.limits.per_second: expected a whole number from 1 to 1000000 but was 'lots'");
  }

  @Test
  void telegram_badValues_areNamed() throws Exception {
    Path file =
        file(
            "telegram:\n  api_url: ftp://x\n  mode: carrier-pigeon\n  webhook:\n    public_url: http://plain\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.api_url: expected http(s)://host or http(s)://host:port")
        .hasMessageContaining("telegram.mode: expected polling or webhook")
        .hasMessageContaining("telegram.webhook.public_url: expected an https:// address");
    assertThatThrownBy(() -> ConfigLoader.load(file("telegram:\n  mode: webhook\n"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("webhook needs telegram.webhook.public_url");
  }

  @Test
  void discord_defaultsToOneShardAndGlobalCommands() {
    DiscordSettings discord = ConfigLoader.load(ConfigLoader.defaultFile(), Map.of()).discord();

    assertThat(discord.shardTotal()).isEqualTo(1);
    assertThat(discord.ownedShards()).containsExactly(0);
    assertThat(discord.commandGuilds()).isEmpty();
    assertThat(discord.apiUrl()).isEmpty();
    assertThat(discord.proactive().refill()).isEqualTo(10);
  }

  @Test
  void discord_shardRangesAndServerIds_areRead() throws Exception {
    DiscordSettings discord =
        ConfigLoader.load(
                file(
                    "discord:\n  shards:\n    total: 8\n    owned: 0-2, 5\n"
                        + "  command_guilds: 123456789012345678,223456789012345678\n"
                        + "  gateway_url: ws://127.0.0.1:9000\n"),
                Map.of())
            .discord();

    assertThat(discord.ownedShards()).containsExactly(0, 1, 2, 5);
    assertThat(discord.commandGuilds()).containsExactly("123456789012345678", "223456789012345678");
    assertThat(discord.gatewayUrl()).map(Object::toString).contains("ws://127.0.0.1:9000");
  }

  @Test
  void discord_badValues_areNamed() throws Exception {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    file(
                        "discord:\n  shards:\n    owned: three\n  command_guilds: abc\n"
                            + "  gateway_url: http://x\n  invalid_request_soft_limit: 10000\n"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "discord.shards.owned: expected all, or shards and ranges such as 0-3,8")
        .hasMessageContaining("discord.command_guilds: expected server ids")
        .hasMessageContaining("discord.gateway_url: expected a ws or wss address")
        .hasMessageContaining(
            "discord.invalid_request_soft_limit: expected a whole number from 1 to 9999");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    file("discord:\n  shards:\n    total: 2\n    owned: 1-3\n"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "discord.shards.owned: shard 2 does not exist with discord.shards.total 2");
  }

  @Test
  void namedFileThatDoesNotExist_isAnError() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing + ": configuration file not found");
  }

  @Test
  void brokenYaml_isReportedWithLine() throws Exception {
    Path file = file("engine:\n  max_text_length: [1, 2\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":3: not valid YAML");
  }
}
