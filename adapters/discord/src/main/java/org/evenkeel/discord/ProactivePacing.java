package org.evenkeel.discord;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Take;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each proactive message (check-ins, celebrations) back until the proactive lane's shared
 * bucket ({@value #BUCKET}) has room, so the bot's own initiative never eats into what Discord
 * allows for replies (ARCHITECTURE.md, Sending). Replies are paced by JDA's per-route rate limiter
 * alone. A shared store out of reach lets messages through unpaced, with a log line a minute:
 * Discord's 429s, which JDA waits out, still protect the bot.
 */
final class ProactivePacing {

  private static final Logger log = LoggerFactory.getLogger(ProactivePacing.class);

  static final String BUCKET = "discord:proactive";

  private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final RateLimits limits;
  private final Bucket bucket;
  private final AtomicLong lastOutageLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  ProactivePacing(RateLimits limits, RateLimits.Rate rate) {
    this.limits = limits;
    this.bucket = new Bucket(BUCKET, rate);
  }

  /** Waits until one proactive message may go, and takes its token. */
  void awaitTurn() throws InterruptedException {
    while (true) {
      Take take;
      try {
        take = limits.take(bucket, 1);
      } catch (StoreUnavailableException e) {
        long last = lastOutageLog.get();
        long now = System.nanoTime();
        if (now - last >= LOG_EVERY_NANOS && lastOutageLog.compareAndSet(last, now)) {
          log.warn("discord: the shared rate limits are out of reach; proactive sends unpaced");
        }
        return;
      }
      if (take.granted()) {
        return;
      }
      Duration wait = take.retryAfter();
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    }
  }
}
