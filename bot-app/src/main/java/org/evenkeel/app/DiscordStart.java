package org.evenkeel.app;

import com.google.inject.Injector;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.app.config.ConfigLoader;
import org.evenkeel.app.config.DiscordSettings;
import org.evenkeel.app.config.Settings;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.port.CommunitySettings;
import org.evenkeel.core.port.Leases;
import org.evenkeel.discord.AdminCommand;
import org.evenkeel.discord.DiscordConnection;
import org.evenkeel.discord.DiscordListener;
import org.evenkeel.discord.Interactions;
import org.evenkeel.discord.ShardLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the Discord adapter of a built application: the listener submits to its dispatcher, the
 * connection is handed to its outbound, the slash commands are registered. A refused token is one
 * configuration error naming {@code DISCORD_BOT_TOKEN}.
 */
final class DiscordStart {

  static final String DISCORD_API_URL = "DISCORD_API_URL";
  static final String DISCORD_GATEWAY_URL = "DISCORD_GATEWAY_URL";

  private static final Logger log = LoggerFactory.getLogger(DiscordStart.class);

  private DiscordStart() {}

  /**
   * A running Discord adapter, stopped in two steps so that turns under way can still answer:
   * {@link #stopReceiving} first, {@link #close} once the turns are done.
   */
  interface Running extends AutoCloseable {
    void stopReceiving();
  }

  /** Connects; see {@link Running}. */
  static Running connect(
      Settings settings,
      Content content,
      String token,
      Map<String, String> env,
      Injector injector,
      TurnDispatcher dispatcher,
      AtomicReference<JDA> handOver)
      throws InterruptedException {
    DiscordSettings discord = settings.discord();
    DiscordListener listener =
        new DiscordListener(
            dispatcher::submit,
            injector.getInstance(Interactions.class),
            new AdminCommand(
                injector.getInstance(ContentSource.class),
                injector.getInstance(CommunitySettings.class)),
            injector.getInstance(Clock.class));
    DiscordConnection.Options options =
        new DiscordConnection.Options(
            token,
            override(env, DISCORD_API_URL, discord.apiUrl(), "http", "https"),
            override(env, DISCORD_GATEWAY_URL, discord.gatewayUrl(), "ws", "wss"),
            discord.shardTotal(),
            discord.ownedShards(),
            discord.invalidRequestSoftLimit());
    ShardLeases leases;
    try {
      leases =
          ShardLeases.acquire(
              injector.getInstance(Leases.class),
              instanceName(),
              discord.shardTotal(),
              discord.ownedShards());
    } catch (ShardLeases.ShardTakenException e) {
      listener.close();
      throw new ConfigException(List.of("discord.shards.owned: " + e.getMessage()));
    }
    DiscordConnection connection;
    try {
      connection = DiscordConnection.connect(options, listener);
    } catch (InvalidTokenException e) {
      listener.close();
      leases.close();
      throw new ConfigException(
          List.of(
              "environment "
                  + Launcher.DISCORD_BOT_TOKEN
                  + ": Discord refused the token; copy it again from the Developer Portal"
                  + " (Bot → Reset Token)"));
    } catch (RuntimeException e) {
      listener.close();
      leases.close();
      throw new ConfigException(
          List.of(
              "discord: could not connect ("
                  + e.getClass().getSimpleName()
                  + "); check the network, or discord.api_url and discord.gateway_url"));
    }
    handOver.set(connection.rest());
    connection.registerCommands(content, discord.commandGuilds());
    log.info(
        "discord: {} is running (shards {} of {})",
        connection.rest().getSelfUser().getName(),
        discord.ownedShards(),
        discord.shardTotal());
    leases.keepRenewing(
        () -> {
          try {
            connection.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return new Running() {
      @Override
      public void stopReceiving() {
        listener.close();
      }

      @Override
      public void close() throws InterruptedException {
        listener.close();
        connection.close();
        leases.close();
      }
    };
  }

  /** This instance, as lease owners are told apart: host, process and a random part. */
  private static String instanceName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + java.util.UUID.randomUUID();
  }

  private static Optional<URI> override(
      Map<String, String> env, String name, Optional<URI> configured, String... schemes) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return configured;
    }
    try {
      return ConfigLoader.optionalUrl(value.strip(), schemes);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          List.of("environment " + name + ": " + e.getMessage() + " but was '" + value + "'"));
    }
  }
}
