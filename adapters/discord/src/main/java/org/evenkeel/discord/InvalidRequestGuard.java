package org.evenkeel.discord;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts Discord's answers that count towards its invalid-request limit — 401, 403 and 429 (not a
 * 429 of a shared resource) — and holds every request back once the bot has had {@code softLimit}
 * of them in the last ten minutes, until the window has room again. Discord bans an address for a
 * day at 10,000 such answers in ten minutes
 * (discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans); the
 * soft limit keeps the bot far below that whatever goes wrong (a revoked token, a loop of refused
 * sends).
 *
 * <p>An OkHttp interceptor on JDA's client, so JDA's own requests count too. Thread-safe: one
 * counter per second of the window, guarded by this object's monitor.
 */
final class InvalidRequestGuard implements Interceptor {

  private static final Logger log = LoggerFactory.getLogger(InvalidRequestGuard.class);

  /** Discord's window. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  /** Discord's ban threshold in that window. */
  static final int DISCORD_LIMIT = 10_000;

  /** The default soft limit: a tenth of Discord's. */
  static final int DEFAULT_SOFT_LIMIT = 1_000;

  private static final int SLOTS = (int) WINDOW.toSeconds();

  private final int softLimit;
  private final LongSupplier nanoTicker;
  private final Sleep sleep;
  private final int[] counts = new int[SLOTS];
  private final long[] slotSecond = new long[SLOTS];
  private long lastWarning = Long.MIN_VALUE;

  /** How the guard waits; tests keep time by hand. */
  interface Sleep {
    void sleep(Duration d) throws InterruptedException;
  }

  InvalidRequestGuard(int softLimit) {
    this(softLimit, System::nanoTime, d -> Thread.sleep(d.toMillis()));
  }

  InvalidRequestGuard(int softLimit, LongSupplier nanoTicker, Sleep sleep) {
    if (softLimit < 1 || softLimit >= DISCORD_LIMIT) {
      throw new IllegalArgumentException(
          "the invalid-request soft limit must be 1 to "
              + (DISCORD_LIMIT - 1)
              + " but was "
              + softLimit);
    }
    this.softLimit = softLimit;
    this.nanoTicker = nanoTicker;
    this.sleep = sleep;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return guard(() -> chain.proceed(chain.request()));
  }

  /** A request on its way: OkHttp's chain, or a test's. */
  interface Request {
    Response proceed() throws IOException;
  }

  /** Waits while the window is full, sends, and counts a refusal. */
  Response guard(Request request) throws IOException {
    awaitRoom();
    Response response = request.proceed();
    if (counts(response)) {
      record();
    }
    return response;
  }

  static boolean counts(Response response) {
    int code = response.code();
    if (code == 429) {
      return !"shared".equalsIgnoreCase(response.header("X-RateLimit-Scope"));
    }
    return code == 401 || code == 403;
  }

  /** Invalid requests in the last ten minutes. */
  synchronized int inWindow() {
    long now = second();
    int total = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (now - slotSecond[i] < SLOTS) {
        total += counts[i];
      }
    }
    return total;
  }

  synchronized void record() {
    long now = second();
    int slot = (int) Math.floorMod(now, (long) SLOTS);
    if (slotSecond[slot] != now) {
      slotSecond[slot] = now;
      counts[slot] = 0;
    }
    counts[slot]++;
  }

  private void awaitRoom() throws IOException {
    while (inWindow() >= softLimit) {
      warn();
      try {
        sleep.sleep(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while holding back for Discord's invalid-request limit");
      }
    }
  }

  private synchronized void warn() {
    long now = second();
    if (lastWarning == Long.MIN_VALUE || now - lastWarning >= 60) {
      lastWarning = now;
      log.warn(
          "discord: {} refused requests (401/403/429) in ten minutes; holding requests back"
              + " until fewer (Discord bans at {})",
          softLimit,
          DISCORD_LIMIT);
    }
  }

  private long second() {
    return Math.floorDiv(nanoTicker.getAsLong(), 1_000_000_000L);
  }
}
