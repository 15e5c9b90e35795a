package org.evenkeel.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.evenkeel.core.engine.EngineSettings;

/**
 * The application's configuration, read from {@code config/evenkeel.yaml} with environment
 * overrides. Secrets never live here: they come from the environment or secret files only.
 *
 * @param contentDir where the content lives
 * @param contentReload how often the content directory is looked at for changes; zero for never
 * @param engine the engine's tunables
 * @param timerPollInterval how often the due-queue is polled
 * @param timerVisibility how long a claimed timer stays hidden before it is handed out again
 * @param workers threads that run turns
 * @param httpHost the address health and metrics listen on
 * @param httpPort their port (0: any free one); shared with the Telegram webhook when it is the
 *     same
 * @param consoleUser the member name of the console chat
 * @param exportDir where the console saves files the bot sends (data exports)
 * @param logLevel root log level
 * @param logFormat {@code text} (one readable line per event) or {@code json} (one JSON object per
 *     line, for log collectors)
 * @param telegram the Telegram adapter's settings (used when a bot token is configured)
 * @param discord the Discord adapter's settings (used when a bot token is configured)
 */
public record Settings(
    Path contentDir,
    Duration contentReload,
    EngineSettings engine,
    Duration timerPollInterval,
    Duration timerVisibility,
    int workers,
    String httpHost,
    int httpPort,
    String consoleUser,
    Path exportDir,
    String logLevel,
    String logFormat,
    TelegramSettings telegram,
    DiscordSettings discord) {

  /** These settings with the content read from {@code dir} instead (the --content option). */
  public Settings withContentDir(Path dir) {
    return new Settings(
        dir,
        contentReload,
        engine,
        timerPollInterval,
        timerVisibility,
        workers,
        httpHost,
        httpPort,
        consoleUser,
        exportDir,
        logLevel,
        logFormat,
        telegram,
        discord);
  }
}
