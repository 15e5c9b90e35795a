package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTTP requests into Bot API calls: {@code /bot{token}/{method}} (with {@code /test} after
 * the token for the test environment), the token check, the call log, armed failures, then the
 * method's handler, and the answer in the Bot API's envelope.
 */
final class BotApiRouter implements HttpHandler {

  private static final Pattern PATH = Pattern.compile("/bot([^/]+)/(?:test/)?([A-Za-z]+)/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One Bot API method the fake serves. */
  @FunctionalInterface
  interface Handler {
    ApiResult handle(RequestParameters parameters) throws BotApiRejection, InterruptedException;
  }

  private record Method(String name, Handler handler) {}

  private final String token;
  private final CallLog log;
  // Registered before the server starts, read-only afterwards.
  private final Map<String, Method> methods = new HashMap<>();
  // Armed by the test thread, consumed by server threads: guarded by the map.
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final List<Throwable> internalErrors = Collections.synchronizedList(new ArrayList<>());

  BotApiRouter(String token, CallLog log) {
    this.token = token;
    this.log = log;
  }

  /** Serves {@code name}; requests match it in any case, and are logged under this spelling. */
  void register(String name, Handler handler) {
    methods.put(name.toLowerCase(Locale.ROOT), new Method(name, handler));
  }

  void failNext(String method, int times, Failure failure) {
    String name =
        lookup(method)
            .map(Method::name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the fake does not serve " + method + "; it serves " + methods.keySet()));
    synchronized (failures) {
      Deque<Failure> queue = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
      for (int k = 0; k < times; k++) {
        queue.add(failure);
      }
    }
  }

  /** What the fake's own handlers threw: bugs in the fake, reported when it closes. */
  List<Throwable> internalErrors() {
    synchronized (internalErrors) {
      return List.copyOf(internalErrors);
    }
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      write(exchange, answer(exchange));
    } catch (IOException e) {
      // The client went away (a timed-out poll, a closed session): nothing to answer.
    } catch (RuntimeException | Error e) {
      internalErrors.add(e);
    } finally {
      exchange.close();
    }
  }

  private ApiResult answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
    if (!path.matches()) {
      return ApiResult.notFound();
    }
    boolean tokenAccepted = token.equals(path.group(1));
    Optional<Method> method = lookup(path.group(2));
    RequestParameters parameters = RequestParameters.empty();
    Optional<String> malformed = Optional.empty();
    try {
      parameters =
          RequestBodyParser.parse(
              Optional.ofNullable(exchange.getRequestURI().getRawQuery()),
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")),
              body);
    } catch (RequestBodyParser.MalformedRequestException e) {
      malformed = Optional.of(e.getMessage());
    }
    RecordedCall call =
        log.record(method.map(Method::name).orElse(path.group(2)), tokenAccepted, parameters);
    ApiResult result;
    if (!tokenAccepted) {
      result = ApiResult.unauthorized();
    } else if (method.isEmpty()) {
      result = ApiResult.notFound();
    } else {
      Optional<Failure> failure = nextFailure(method.get().name());
      if (failure.isPresent()) {
        result = failure.get().answer();
      } else if (malformed.isPresent()) {
        result = ApiResult.error(400, malformed.get());
      } else {
        result = invoke(method.get(), parameters);
      }
    }
    log.answered(call, result);
    return result;
  }

  private static ApiResult invoke(Method method, RequestParameters parameters) {
    try {
      return method.handler().handle(parameters);
    } catch (BotApiRejection rejection) {
      return rejection.answer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ApiResult.Dropped(); // the fake is closing
    }
  }

  private static void write(HttpExchange exchange, ApiResult result) throws IOException {
    if (result instanceof ApiResult.Dropped) {
      return; // closing the exchange before any header closes the connection
    }
    byte[] bytes;
    if (result instanceof ApiResult.Html html) {
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      bytes = html.body().getBytes(StandardCharsets.UTF_8);
    } else {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      bytes = JSON.writeValueAsBytes(envelope(result));
    }
    exchange.sendResponseHeaders(result.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static ObjectNode envelope(ApiResult result) {
    ObjectNode envelope = JSON.createObjectNode();
    if (result instanceof ApiResult.Ok ok) {
      envelope.put("ok", true).set("result", ok.result());
      return envelope;
    }
    ApiResult.Error error = (ApiResult.Error) result;
    envelope
        .put("ok", false)
        .put("error_code", error.code())
        .put("description", error.description());
    error.parameters().ifPresent(parameters -> envelope.set("parameters", parameters));
    return envelope;
  }

  private Optional<Failure> nextFailure(String method) {
    synchronized (failures) {
      Deque<Failure> queue = failures.get(method);
      return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }
  }

  private Optional<Method> lookup(String name) {
    return Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT)));
  }
}
