package org.evenkeel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The HTTP handler Telegram posts updates to: checks the secret token, reads and parses the update,
 * hands it to the {@link UpdateSink} and answers with a status that tells Telegram whether to send
 * it again.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>Status</th><th>When</th></tr>
 *   <tr><td>200</td><td>the sink took the update (stored, ignored on purpose, or a redelivery)</td></tr>
 *   <tr><td>400</td><td>the body is not JSON, or not an update (no {@code update_id})</td></tr>
 *   <tr><td>401</td><td>the secret header is missing or wrong</td></tr>
 *   <tr><td>404</td><td>another path</td></tr>
 *   <tr><td>405</td><td>not a POST (with {@code Allow: POST})</td></tr>
 *   <tr><td>413</td><td>a body over {@link #MAX_BODY_BYTES}</td></tr>
 *   <tr><td>415</td><td>not {@code application/json}</td></tr>
 *   <tr><td>500</td><td>the sink failed unexpectedly</td></tr>
 *   <tr><td>503</td><td>the store is unavailable, or the endpoint is closing</td></tr>
 * </table>
 *
 * <p>Telegram repeats a request answered with anything but 2xx "a reasonable amount of attempts"
 * (https://core.telegram.org/bots/api#setwebhook): after a 503 or 500 the update comes back once
 * the cause has passed, and the sink deduplicates redeliveries.
 *
 * <p>{@link WebhookReceiver} runs it on a server of its own; it can also be mounted on a server
 * shared with other endpoints (health, metrics) with {@code server.createContext(endpoint.path(),
 * endpoint)}, as long as whoever owns the server calls {@link #drain} before stopping it.
 *
 * <p>Nothing it logs contains the secret, the body or any text from it: a rejected request is
 * described by its reason, size and sender address, and each reason is logged at most once per
 * {@link #LOG_INTERVAL} (with the number of lines held back), so a flood costs a line a minute.
 *
 * <p>Thread-safe: requests are handled concurrently on the server's workers; the mutable state
 * ({@link InFlightRequests}, {@link LogThrottle}) guards itself.
 */
public final class WebhookEndpoint implements HttpHandler {

  /**
   * The header Telegram sends the secret token in (https://core.telegram.org/bots/api#setwebhook).
   */
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  /**
   * The largest body read. Telegram documents no limit for an update, but one carries at most a
   * message of 4,096 characters (a caption of 1,024) plus metadata: a few kilobytes, rarely tens.
   * One mebibyte leaves ample room and refuses bodies nobody but an attacker would send.
   */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** At most one log line per rejection reason per interval. */
  public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  /** Why a request was not passed on, each with its own log throttle. */
  private enum Rejection {
    // Apart from a wrong one: a missing header often means a proxy in front drops it.
    SECRET_MISSING,
    SECRET_WRONG,
    MEDIA_TYPE,
    TOO_LARGE,
    MALFORMED,
    STORE_UNAVAILABLE,
    SINK_FAILED
  }

  private final String path;
  private final byte[] secretDigest;
  private final UpdateSink sink;
  private final ObjectMapper json;
  private final InFlightRequests inFlight = new InFlightRequests();
  private final Map<Rejection, LogThrottle> throttles = new EnumMap<>(Rejection.class);

  /**
   * An endpoint answering {@code path} for requests carrying {@code secret}.
   *
   * @throws IllegalArgumentException if the path or secret is not one {@link WebhookSettings}
   *     accepts
   */
  public WebhookEndpoint(String path, String secret, UpdateSink sink) {
    this(path, secret, sink, System::nanoTime);
  }

  WebhookEndpoint(String path, String secret, UpdateSink sink, LongSupplier ticker) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/' but was " + path);
    }
    if (!WebhookSettings.secretProblems(secret).isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", WebhookSettings.secretProblems(secret)));
    }
    this.path = path;
    this.secretDigest = sha256(secret);
    this.sink = Objects.requireNonNull(sink, "sink");
    // As TelegramBots reads updates (a plain ObjectMapper, its objects ignoring unknown fields),
    // and unknown fields ignored everywhere, since Telegram adds fields to updates over time.
    this.json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    for (Rejection rejection : Rejection.values()) {
      throttles.put(rejection, new LogThrottle(LOG_INTERVAL, ticker));
    }
  }

  /** The exact request path this endpoint answers. */
  public String path() {
    return path;
  }

  /**
   * Stops passing updates on (requests from now on are answered 503, so Telegram sends them again
   * later or to another instance) and waits for those being handled to finish.
   *
   * @return how many requests were still being handled when {@code timeout} ran out (0 if none)
   */
  public int drain(Duration timeout) throws InterruptedException {
    return inFlight.closeAndAwait(timeout);
  }

  /** Requests being handled right now. */
  public int inFlight() {
    return inFlight.count();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!inFlight.tryEnter()) {
        exchange.getResponseHeaders().set("Connection", "close");
        reply(exchange, 503);
        return;
      }
      try {
        reply(exchange, answer(exchange));
      } finally {
        inFlight.exit();
      }
    } finally {
      exchange.close();
    }
  }

  private int answer(HttpExchange exchange) throws IOException {
    if (!path.equals(exchange.getRequestURI().getRawPath())) {
      return 404;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return 405;
    }
    String presented = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
    if (!secretMatches(presented)) {
      log(
          presented == null ? Rejection.SECRET_MISSING : Rejection.SECRET_WRONG,
          "Refused a webhook request from {}: secret token {}",
          sender(exchange),
          presented == null ? "missing" : "wrong");
      return 401;
    }
    if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      log(Rejection.MEDIA_TYPE, "Refused a webhook request from {}: not JSON", sender(exchange));
      return 415;
    }
    Optional<byte[]> body = readBody(exchange);
    if (body.isEmpty()) {
      exchange.getResponseHeaders().set("Connection", "close");
      log(
          Rejection.TOO_LARGE,
          "Refused a webhook request from {}: body over {} bytes",
          sender(exchange),
          MAX_BODY_BYTES);
      return 413;
    }
    Optional<Update> update = parse(body.get(), exchange);
    if (update.isEmpty()) {
      // 400, not 5xx: the fault is in the request, and a body that does not parse now never will;
      // a 5xx would claim that sending it again could succeed. (Telegram repeats any non-2xx
      // answer "a reasonable amount of attempts", per setWebhook's documentation, and shows the
      // status in getWebhookInfo's last_error_message, where a 400 points at the right culprit.)
      return 400;
    }
    return deliver(update.get());
  }

  private int deliver(Update update) {
    try {
      sink.accept(update);
      return 200;
    } catch (StoreUnavailableException e) {
      log(
          Rejection.STORE_UNAVAILABLE,
          "Could not queue update {}: store unavailable; Telegram will send it again",
          update.getUpdateId());
      return 503;
    } catch (RuntimeException e) {
      // The type only: a message could quote the update.
      logError(
          "Update {} failed in the sink with {}; answered 500",
          update.getUpdateId(),
          e.getClass().getName());
      return 500;
    }
  }

  private boolean secretMatches(String presented) {
    // Comparing digests in constant time hides both the secret's content and its length.
    return presented != null && MessageDigest.isEqual(secretDigest, sha256(presented));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals("application/json");
  }

  /** The body, or empty when it is longer than {@link #MAX_BODY_BYTES}. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    // The server has already refused a Content-Length that is not a number; without one the body
    // is chunked, and at most one byte more than the limit is read to find out.
    if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
    }
  }

  private Optional<Update> parse(byte[] body, HttpExchange exchange) {
    try {
      Update update = json.readValue(body, Update.class);
      if (update != null && update.getUpdateId() != null) {
        return Optional.of(update);
      }
      log(
          Rejection.MALFORMED,
          "Refused a webhook body from {} ({} bytes): JSON but no update_id",
          sender(exchange),
          body.length);
    } catch (IOException e) {
      // The type and position only: Jackson's message quotes the body.
      log(
          Rejection.MALFORMED,
          "Refused a webhook body from {} ({} bytes): {}{}",
          sender(exchange),
          body.length,
          e.getClass().getSimpleName(),
          position(e));
    }
    return Optional.empty();
  }

  private static String position(IOException e) {
    return e instanceof JsonProcessingException parsing && parsing.getLocation() != null
        ? " at line "
            + parsing.getLocation().getLineNr()
            + ", column "
            + parsing.getLocation().getColumnNr()
        : "";
  }

  private void log(Rejection reason, String format, Object... arguments) {
    OptionalLong heldBack = throttles.get(reason).tryLog();
    if (heldBack.isPresent() && LOG.isWarnEnabled()) {
      LOG.warn(format + heldBackNote(heldBack.getAsLong()), arguments);
    }
  }

  private void logError(String format, Object... arguments) {
    OptionalLong heldBack = throttles.get(Rejection.SINK_FAILED).tryLog();
    if (heldBack.isPresent()) {
      LOG.error(format + heldBackNote(heldBack.getAsLong()), arguments);
    }
  }

  private static String heldBackNote(long heldBack) {
    return heldBack == 0 ? "" : " (" + heldBack + " more like it since the last line)";
  }

  private static String sender(HttpExchange exchange) {
    return exchange.getRemoteAddress() == null || exchange.getRemoteAddress().getAddress() == null
        ? "an unknown address"
        : exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  private static void reply(HttpExchange exchange, int status) throws IOException {
    // -1: no body. Telegram reads only the status.
    exchange.sendResponseHeaders(status, -1);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
