package org.evenkeel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling (TelegramBots' {@code getUpdates} loop) and hands each to the
 * {@link UpdateSink}, in order, on the polling thread.
 *
 * <p>Nothing is lost: Telegram forgets an update only when a later poll's offset passes it, and the
 * next poll starts only after {@link #consume} returned. So while the store is unreachable this
 * class keeps retrying the update in hand (with backoff) instead of returning, and polling pauses;
 * when the process stops first, the next start polls from the oldest unconfirmed update and the
 * mailbox's claims drop the ones already stored. An update the adapter cannot read at all (a bug,
 * never the member's fault) is logged by id and skipped rather than allowed to stop polling for
 * everyone: TelegramBots stops polling for good, silently, when its consumer throws. So is one the
 * library itself cannot read ({@link TolerantGetUpdates}), which would otherwise be fetched again
 * and again.
 */
public final class TelegramPolling implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

  static final Duration FIRST_RETRY = Duration.ofMillis(200);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

  private final String token;
  private final TelegramUrl server;
  private final UpdateSink sink;
  private final Sleeper sleeper;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final ScheduledExecutorService thread;
  private final TelegramBotsLongPollingApplication polling;

  public TelegramPolling(String token, TelegramUrl server, UpdateSink sink) {
    this(token, server, sink, Sleeper.REAL);
  }

  TelegramPolling(String token, TelegramUrl server, UpdateSink sink, Sleeper sleeper) {
    this.token = token;
    this.server = server;
    this.sink = sink;
    this.sleeper = sleeper;
    // TelegramBots never shuts a session's executor down; this class owns it.
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "telegram-polling");
              t.setDaemon(true);
              return t;
            });
    Supplier<ObjectMapper> json =
        () ->
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.polling =
        new TelegramBotsLongPollingApplication(
            json, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> thread);
  }

  /**
   * Deletes any webhook (TelegramBots does, keeping pending updates) and starts polling.
   *
   * @throws TelegramApiException when Telegram refuses, e.g. a wrong token
   */
  public void start() throws TelegramApiException {
    polling.registerBot(
        token,
        () -> server,
        lastReceived -> new TolerantGetUpdates(lastReceived + 1, AllowedUpdates.TYPES),
        this::consume);
    log.info("telegram: polling for updates");
  }

  /** Hands a batch to the sink, one update after the other, each until it is stored. */
  void consume(List<Update> updates) {
    for (Update update : updates) {
      deliver(update);
    }
  }

  private void deliver(Update update) {
    Duration wait = FIRST_RETRY;
    while (true) {
      try {
        sink.accept(update);
        return;
      } catch (StoreUnavailableException e) {
        if (closing.get()) {
          // Stops this poll without confirming the update: the next start receives it again.
          throw new IllegalStateException(
              "shutting down with update "
                  + update.getUpdateId()
                  + " not stored; Telegram delivers it again");
        }
        pause(wait);
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
                ? LONGEST_RETRY
                : wait.multipliedBy(2);
      } catch (RuntimeException e) {
        log.error(
            "telegram: update {} could not be read and was skipped ({})",
            update.getUpdateId(),
            e.getClass().getName());
        return;
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store", e);
    }
  }

  /** Stops polling; an update being retried is left for Telegram to deliver again. */
  @Override
  public void close() throws Exception {
    closing.set(true);
    try {
      polling.close();
    } finally {
      thread.shutdownNow();
    }
  }
}
