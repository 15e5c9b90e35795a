package org.evenkeel.telegram;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Telegram updates by webhook: a plain-HTTP server (TLS ends at the proxy in front of it)
 * running a {@link WebhookEndpoint} on a bounded pool of workers, until closed.
 *
 * <pre>{@code
 * WebhookSettings settings = WebhookSettings.of(
 *     "https://bot.example.org/telegram/3bq0Zr", "0.0.0.0", 8081, secret);
 * try (WebhookReceiver receiver = WebhookReceiver.start(settings, sink)) {
 *   new WebhookRegistration(telegramClient).register(settings);
 *   ... until shutdown ...
 * }
 * }</pre>
 *
 * <p>Workers: {@code settings.maxConnections()} threads, since Telegram never opens more
 * connections than that to deliver updates, and a queue of {@link #QUEUE_CAPACITY} requests beyond
 * them; when both are full the server closes new connections at once (the client sees a network
 * error, and Telegram tries again later).
 *
 * <p>{@link #close()} stops passing updates on, waits up to the drain timeout for those being
 * handled, then stops the server. The JDK server cannot stop listening without also cutting the
 * connections in flight, so while draining it still accepts connections and answers them 503;
 * Telegram sends those updates again, to this instance's successor or another one.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** How long {@link #close()} waits for requests in flight, unless told otherwise. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** Requests waiting for a worker, beyond those being handled. */
  public static final int QUEUE_CAPACITY = 256;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final Duration IDLE_WORKER_LIFETIME = Duration.ofMinutes(1);

  private final WebhookEndpoint endpoint;
  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookReceiver(
      WebhookEndpoint endpoint, HttpServer server, ThreadPoolExecutor workers, Duration drain) {
    this.endpoint = endpoint;
    this.server = server;
    this.workers = workers;
    this.drainTimeout = drain;
  }

  /**
   * Starts listening at the settings' host, port and path, with {@link #DEFAULT_DRAIN_TIMEOUT}.
   *
   * @throws UncheckedIOException if the address cannot be bound (the port is taken, say)
   */
  public static WebhookReceiver start(WebhookSettings settings, UpdateSink sink) {
    return start(settings, sink, DEFAULT_DRAIN_TIMEOUT);
  }

  /**
   * Starts listening at the settings' host, port and path; {@link #close()} waits up to {@code
   * drainTimeout} for requests in flight.
   *
   * @throws UncheckedIOException if the address cannot be bound (the port is taken, say)
   */
  public static WebhookReceiver start(
      WebhookSettings settings, UpdateSink sink, Duration drainTimeout) {
    return start(settings, sink, drainTimeout, java.util.Map.of());
  }

  /**
   * As {@link #start(WebhookSettings, UpdateSink, Duration)}, also serving {@code alsoServe} (path
   * prefix to handler) on the same port, such as the bot's health and metrics endpoints when they
   * share the webhook's port.
   */
  public static WebhookReceiver start(
      WebhookSettings settings,
      UpdateSink sink,
      Duration drainTimeout,
      java.util.Map<String, com.sun.net.httpserver.HttpHandler> alsoServe) {
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must not be negative: " + drainTimeout);
    }
    WebhookEndpoint endpoint = new WebhookEndpoint(settings.path(), settings.secret(), sink);
    InetSocketAddress address = new InetSocketAddress(settings.listenHost(), settings.listenPort());
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen for Telegram webhooks on "
              + settings.listenHost()
              + ":"
              + settings.listenPort(),
          e);
    }
    ThreadPoolExecutor workers = workers(settings.maxConnections());
    server.setExecutor(workers);
    // Every path comes to the endpoint, which answers 404 for all but its own.
    server.createContext("/", endpoint);
    alsoServe.forEach(server::createContext);
    server.start();
    LOG.info(
        "Receiving Telegram webhooks on {}:{} ({} workers)",
        server.getAddress().getHostString(),
        server.getAddress().getPort(),
        settings.maxConnections());
    return new WebhookReceiver(endpoint, server, workers, drainTimeout);
  }

  /** The address the server listens on, with the actual port when the settings asked for 0. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URL of the endpoint on this machine ({@code http://host:port/path}), for tests. */
  public URI localUrl() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + endpoint.path());
  }

  /**
   * Stops passing updates on, waits for the requests being handled (up to the drain timeout), then
   * stops the server and its workers. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    int unfinished;
    try {
      unfinished = endpoint.drain(drainTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unfinished = endpoint.inFlight();
    }
    server.stop(0);
    workers.shutdownNow();
    if (unfinished > 0) {
      LOG.warn(
          "Stopped the Telegram webhook receiver with {} requests unfinished after {};"
              + " Telegram will send those updates again",
          unfinished,
          drainTimeout);
    }
    try {
      if (!workers.awaitTermination(drainTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
        LOG.warn("Webhook workers still running after the receiver stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Stopped receiving Telegram webhooks");
  }

  private static ThreadPoolExecutor workers(int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE_WORKER_LIFETIME.toMillis(),
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            workerThreads());
    // An idle bot keeps no threads; the first updates after a pause start them again.
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "telegram-webhook-" + count.incrementAndGet());
      // The server's own dispatcher thread keeps the process alive while it serves.
      thread.setDaemon(true);
      return thread;
    };
  }
}
