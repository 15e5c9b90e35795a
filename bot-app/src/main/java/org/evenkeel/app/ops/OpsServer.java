package org.evenkeel.app.ops;

import static org.evenkeel.core.text.Checks.requireValue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoints: {@code /health/live} (200 while the process runs), {@code
 * /health/ready} (200 when every readiness check passes, else 503; the body names each check) and
 * {@code /metrics} (Prometheus text). GET and HEAD only; nothing else is served. They hold no
 * member data, so they need no authentication, but they belong on an internal port.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ExecutorService threads;

  private OpsServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * A readiness check.
   *
   * @param name what it checks, e.g. {@code store} or {@code telegram}
   * @param passes true when ready
   */
  public record Check(String name, BooleanSupplier passes) {
    public Check {
      requireValue(name, "name");
      requireValue(passes, "passes");
    }
  }

  /**
   * Listens on {@code host:port} (port 0: any free one).
   *
   * @throws UncheckedIOException when the address cannot be bound, naming it
   */
  public static OpsServer start(
      String host, int port, List<Check> readiness, Supplier<String> metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen for health and metrics on " + host + ":" + port + " (http.port)", e);
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "evenkeel-ops");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", handler(readiness, metrics));
    server.start();
    log.info(
        "health and metrics on http://{}:{}/ (health/live, health/ready, metrics)",
        server.getAddress().getHostString(),
        server.getAddress().getPort());
    return new OpsServer(server, threads);
  }

  /**
   * The endpoints, for another server on the same port (the Telegram webhook's): mount it at {@link
   * #PATHS}.
   */
  public static HttpHandler handler(List<Check> readiness, Supplier<String> metrics) {
    return new Endpoints(List.copyOf(readiness), metrics);
  }

  /** The path prefixes the endpoints answer. */
  public static final List<String> PATHS = List.of("/health/", "/metrics");

  /** The address it listens on, with the actual port when 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private record Endpoints(List<Check> readiness, Supplier<String> metrics) implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          answer(exchange, 405, "text/plain", "method not allowed\n");
          return;
        }
        switch (exchange.getRequestURI().getPath()) {
          case "/health/live" -> answer(exchange, 200, "text/plain", "live\n");
          case "/health/ready" -> ready(exchange);
          case "/metrics" ->
              answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
          default -> answer(exchange, 404, "text/plain", "not found\n");
        }
      } catch (RuntimeException e) {
        log.warn("ops endpoint failed: {}", e.getClass().getName());
      }
    }

    private void ready(HttpExchange exchange) throws IOException {
      Map<String, Boolean> results = new LinkedHashMap<>();
      for (Check check : readiness) {
        boolean passes;
        try {
          passes = check.passes().getAsBoolean();
        } catch (RuntimeException e) {
          passes = false;
        }
        results.put(check.name(), passes);
      }
      boolean ready = results.values().stream().allMatch(Boolean::booleanValue);
      StringBuilder body = new StringBuilder("{\"ready\":").append(ready).append(",\"checks\":{");
      String comma = "";
      for (Map.Entry<String, Boolean> result : results.entrySet()) {
        body.append(comma).append('"').append(result.getKey()).append("\":");
        body.append(result.getValue() ? "\"up\"" : "\"down\"");
        comma = ",";
      }
      body.append("}}\n");
      answer(exchange, ready ? 200 : 503, "application/json", body.toString());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
