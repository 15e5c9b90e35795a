package org.evenkeel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Take;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each Telegram message back until the shared token buckets have room for it, so that the bot
 * as a whole (all its instances) stays under Telegram's limits instead of finding them by 429s.
 *
 * <p>A message takes one token from each bucket it counts against, all or none: the bot's ({@code
 * telegram:global}), its chat's ({@code telegram:chat:<id>}), for a group also the group's ({@code
 * telegram:group:<id>}), and in the proactive lane the lane's ({@code telegram:proactive}). When
 * refused it sleeps the time the buckets name and asks again; it never drops a message. A typing
 * indicator takes nothing (it is not a message).
 *
 * <p>When the shared store cannot be reached the message is sent unpaced (after one log line per
 * outage): a member in distress must get the answer even while Redis restarts, and Telegram's own
 * 429s, which the sender waits out, still protect the bot.
 */
final class SendPacing {

  private static final Logger log = LoggerFactory.getLogger(SendPacing.class);

  /** Buckets of this platform are named with it first. */
  static final String PREFIX = "telegram:";

  private final RateLimits limits;
  private final SendLimits rates;
  private final Sleeper sleeper;
  private final LogThrottle outageLog = new LogThrottle(Duration.ofMinutes(1), System::nanoTime);

  SendPacing(RateLimits limits, SendLimits rates, Sleeper sleeper) {
    this.limits = limits;
    this.rates = rates;
    this.sleeper = sleeper;
  }

  /**
   * Waits until one message to {@code chatId} in {@code lane} may be sent, and takes its tokens.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void awaitTurn(long chatId, Lane lane) throws InterruptedException {
    List<Bucket> buckets = buckets(chatId, lane);
    while (true) {
      Take take;
      try {
        take = limits.takeAll(buckets, 1);
      } catch (StoreUnavailableException e) {
        outageLog
            .tryLog()
            .ifPresent(
                held ->
                    log.warn(
                        "telegram: the shared rate limits are out of reach; sending unpaced"
                            + " ({} more such sends since the last line)",
                        held));
        return;
      }
      if (take.granted()) {
        return;
      }
      sleeper.sleep(take.retryAfter());
    }
  }

  /** The buckets one message to {@code chatId} in {@code lane} counts against. */
  List<Bucket> buckets(long chatId, Lane lane) {
    List<Bucket> buckets = new ArrayList<>(4);
    buckets.add(new Bucket(PREFIX + "global", rates.global()));
    buckets.add(new Bucket(PREFIX + "chat:" + chatId, rates.chat()));
    if (chatId < 0) { // groups, supergroups and channels have negative ids
      buckets.add(new Bucket(PREFIX + "group:" + chatId, rates.group()));
    }
    if (lane == Lane.PROACTIVE) {
      buckets.add(new Bucket(PREFIX + "proactive", rates.proactive()));
    }
    return buckets;
  }
}
