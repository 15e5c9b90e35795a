package org.evenkeel.discord;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import okhttp3.OkHttpClient;
import org.evenkeel.core.content.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's connection to Discord: one JDA per shard this instance owns, with only the intents the
 * bot needs — {@link GatewayIntent#DIRECT_MESSAGES} (a DM's text comes without the privileged
 * message-content intent), plus the servers themselves (channels and roles, for permission checks),
 * which JDA always subscribes to — and minimal caches. Slash commands, buttons, menus and forms
 * need no intent.
 */
public final class DiscordConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.DIRECT_MESSAGES);

  private final List<JDA> shards;

  private DiscordConnection(List<JDA> shards) {
    this.shards = List.copyOf(shards);
  }

  /**
   * How to connect.
   *
   * @param token the bot token
   * @param restBase another REST base URL than Discord's (a proxy, or a fake in tests)
   * @param gateway another gateway URL than Discord's
   * @param shardTotal how many shards the bot has in all (1: no sharding)
   * @param ownedShards the shards this instance runs (all of them without sharding)
   * @param invalidRequestSoftLimit see {@link InvalidRequestGuard}
   */
  public record Options(
      String token,
      Optional<URI> restBase,
      Optional<URI> gateway,
      int shardTotal,
      List<Integer> ownedShards,
      int invalidRequestSoftLimit) {

    public Options {
      ownedShards = List.copyOf(ownedShards);
      if (shardTotal < 1 || ownedShards.isEmpty()) {
        throw new IllegalArgumentException("at least one shard of at least one must be owned");
      }
      for (int shard : ownedShards) {
        if (shard < 0 || shard >= shardTotal) {
          throw new IllegalArgumentException(
              "shard " + shard + " is outside 0.." + (shardTotal - 1));
        }
      }
    }

    /** One shard, Discord's servers, the default soft limit. */
    public static Options of(String token) {
      return new Options(
          token,
          Optional.empty(),
          Optional.empty(),
          1,
          List.of(0),
          InvalidRequestGuard.DEFAULT_SOFT_LIMIT);
    }
  }

  /**
   * Logs in every owned shard and waits until each is ready.
   *
   * @throws InvalidTokenException when Discord refuses the token
   * @throws InterruptedException when interrupted while waiting
   */
  public static DiscordConnection connect(Options options, Object... listeners)
      throws InterruptedException {
    InvalidRequestGuard guard = new InvalidRequestGuard(options.invalidRequestSoftLimit());
    List<JDA> shards = new ArrayList<>();
    try {
      for (int shard : options.ownedShards()) {
        JDABuilder builder =
            JDABuilder.createLight(options.token(), INTENTS)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(guard))
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        options
            .restBase()
            .ifPresent(base -> builder.setRestConfig(new RestConfig().setBaseUrl(base.toString())));
        options.gateway().ifPresent(g -> builder.setSessionController(new FixedGateway(g)));
        if (options.shardTotal() > 1) {
          builder.useSharding(shard, options.shardTotal());
        }
        shards.add(builder.build());
      }
      for (JDA jda : shards) {
        jda.awaitReady();
      }
    } catch (RuntimeException | InterruptedException e) {
      shards.forEach(JDA::shutdownNow);
      throw e;
    }
    return new DiscordConnection(shards);
  }

  /** The client for requests that belong to no shard (DMs, interaction answers). */
  public JDA rest() {
    return shards.get(0);
  }

  /**
   * Registers the slash commands: in each of {@code guildIds} (they appear at once: for
   * development), or globally when there are none (Discord may take a while to show changes). A
   * refusal is logged and the bot runs on with what Discord had.
   */
  public void registerCommands(Content content, List<String> guildIds) {
    var commands = SlashCommands.of(content);
    try {
      if (guildIds.isEmpty()) {
        rest().updateCommands().addCommands(commands).complete();
      } else {
        for (String id : guildIds) {
          Guild guild = rest().getGuildById(id);
          if (guild == null) {
            log.warn("discord: not in server {}; its commands are not registered", id);
            continue;
          }
          guild.updateCommands().addCommands(commands).complete();
        }
      }
      log.info("discord: {} slash commands registered", commands.size());
    } catch (RuntimeException e) {
      log.warn("discord: the slash commands could not be registered ({})", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    shards.forEach(JDA::shutdown);
    for (JDA jda : shards) {
      if (!jda.awaitShutdown(java.time.Duration.ofSeconds(10))) {
        jda.shutdownNow();
      }
    }
  }

  /** A session controller whose gateway is a fixed address. */
  private static final class FixedGateway extends SessionControllerAdapter {
    private final String url;

    FixedGateway(URI url) {
      this.url = url.toString();
    }

    @Override
    public String getGateway() {
      return url;
    }
  }
}
