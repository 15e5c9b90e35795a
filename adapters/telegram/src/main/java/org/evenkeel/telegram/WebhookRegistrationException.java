package org.evenkeel.telegram;

/**
 * Telegram refused {@code setWebhook} or could not be reached: a start-up problem for the operator.
 * The message says why and never contains the bot token or the secret; there is deliberately no
 * cause, since the client's exceptions may carry the request URL (and with it the token) in their
 * messages.
 */
public final class WebhookRegistrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WebhookRegistrationException(String message) {
    super(message);
  }
}
