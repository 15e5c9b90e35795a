package org.evenkeel.telegram;

import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Tells Telegram where to send updates: {@code setWebhook} with the public URL, the secret token,
 * {@link AllowedUpdates#TYPES} and the maximum number of connections, at start-up.
 *
 * <p>Pending updates are never dropped ({@code drop_pending_updates=false}): those that arrived
 * while no instance was running are exactly the ones members are waiting on. Every instance behind
 * a load balancer may call this with the same settings; the last call wins and changes nothing.
 */
public final class WebhookRegistration {

  private final TelegramClient client;

  public WebhookRegistration(TelegramClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Calls {@code setWebhook}. The URL and secret were checked when the settings were built (an
   * HTTPS URL on a port Telegram allows, a secret of allowed characters), so nothing Telegram would
   * refuse for its form is ever sent.
   *
   * @throws WebhookRegistrationException when Telegram refuses or cannot be reached; its message
   *     says why, without the bot token
   */
  public void register(WebhookSettings settings) {
    Boolean accepted;
    try {
      accepted = client.execute(request(settings));
    } catch (TelegramApiException e) {
      throw new WebhookRegistrationException(failure(settings, e));
    }
    if (!Boolean.TRUE.equals(accepted)) {
      throw new WebhookRegistrationException(
          "Telegram did not confirm setWebhook for " + settings.publicUrl() + " (answered false)");
    }
  }

  static SetWebhook request(WebhookSettings settings) {
    return SetWebhook.builder()
        .url(settings.publicUrl().toString())
        .secretToken(settings.secret())
        .allowedUpdates(AllowedUpdates.TYPES)
        .dropPendingUpdates(false)
        .maxConnections(settings.maxConnections())
        .build();
  }

  /**
   * Telegram's own error code and description when it answered; otherwise the exception types only,
   * since a network error's message may carry the request URL, and with it the bot token.
   */
  private static String failure(WebhookSettings settings, TelegramApiException e) {
    String prefix = "setWebhook for " + settings.publicUrl() + " failed: ";
    if (e instanceof TelegramApiRequestException refused && refused.getErrorCode() != null) {
      return prefix
          + "Telegram answered "
          + refused.getErrorCode()
          + " "
          + Objects.requireNonNullElse(refused.getApiResponse(), "(no description)");
    }
    StringBuilder causes = new StringBuilder(e.getClass().getSimpleName());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      causes.append(" caused by ").append(cause.getClass().getSimpleName());
    }
    return prefix + "could not reach the Bot API (" + causes + ")";
  }
}
