package org.evenkeel.app.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.port.RateLimits.Rate;

/**
 * How the Discord adapter connects; the token is not here (it comes from the environment or a
 * secret file only).
 *
 * @param apiUrl another REST base than Discord's (a proxy); {@code DISCORD_API_URL} overrides it
 * @param gatewayUrl another gateway than Discord's; {@code DISCORD_GATEWAY_URL} overrides it
 * @param commandGuilds servers to register the slash commands in directly (they show at once: for
 *     development); none registers them globally
 * @param shardTotal how many shards the bot has in all
 * @param ownedShards the shards this instance runs
 * @param proactive the proactive lane's rate, shared by every instance through Redis
 * @param invalidRequestSoftLimit refused requests in ten minutes after which requests are held back
 */
public record DiscordSettings(
    Optional<URI> apiUrl,
    Optional<URI> gatewayUrl,
    List<String> commandGuilds,
    int shardTotal,
    List<Integer> ownedShards,
    Rate proactive,
    int invalidRequestSoftLimit) {

  public DiscordSettings {
    commandGuilds = List.copyOf(commandGuilds);
    ownedShards = List.copyOf(ownedShards);
  }
}
