package org.evenkeel.discord;

/**
 * Discord refused a message for a reason that retrying will not change. The message names Discord's
 * error code only, never what was being sent.
 */
public final class DiscordDeliveryException extends RuntimeException {

  DiscordDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
