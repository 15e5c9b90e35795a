package org.evenkeel.telegram;

import org.evenkeel.core.port.StoreUnavailableException;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where received Telegram updates go, from long polling or the webhook: each is turned into an
 * inbound event and stored in its conversation's mailbox before this returns, or ignored when it
 * carries nothing for the bot (an edited message, a channel post).
 */
public interface UpdateSink {

  /**
   * Takes one update. Returning normally means it was stored (or deliberately ignored, or was a
   * redelivery): the platform may forget it.
   *
   * @throws StoreUnavailableException when it could not be stored: the platform must send it again
   *     (polling does not advance its offset; the webhook answers 5xx)
   */
  void accept(Update update);
}
