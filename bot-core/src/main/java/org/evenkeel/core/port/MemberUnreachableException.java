package org.evenkeel.core.port;

/**
 * An {@link Outbound} could not deliver because the member cannot be reached there any more: they
 * blocked the bot (Telegram's 403), or closed their DMs to it (Discord's 50007). This is a change
 * of the member's state, not an error to retry: the dispatcher marks the member inactive, as the
 * platform's own notice would ({@link org.evenkeel.core.event.ReachabilityChanged}).
 *
 * <p>Its message names the platform's code only, never what was being sent.
 */
public class MemberUnreachableException extends RuntimeException {

  public MemberUnreachableException(String message) {
    super(message);
  }
}
