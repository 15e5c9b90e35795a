package org.evenkeel.app.config;

import java.net.URI;
import java.util.Optional;
import org.evenkeel.telegram.SendLimits;

/**
 * How the Telegram adapter talks to Telegram; the token and the webhook secret are not here (they
 * come from the environment or secret files only).
 *
 * @param apiUrl the Bot API server: Telegram's own, or a self-hosted one ({@code
 *     http(s)://host:port}); the environment variable {@code TELEGRAM_API_URL} overrides it
 * @param mode long polling (one instance) or webhook (several instances behind a load balancer)
 * @param webhookPublicUrl where Telegram posts updates in webhook mode (https, port 443, 80, 88 or
 *     8443)
 * @param listenHost the address the webhook receiver listens on
 * @param listenPort its port
 * @param maxConnections how many connections Telegram may open to the webhook at once
 * @param limits the rates messages are sent at, shared by every instance through Redis
 */
public record TelegramSettings(
    URI apiUrl,
    Mode mode,
    Optional<URI> webhookPublicUrl,
    String listenHost,
    int listenPort,
    int maxConnections,
    SendLimits limits) {

  /** How updates arrive. */
  public enum Mode {
    POLLING,
    WEBHOOK
  }
}
