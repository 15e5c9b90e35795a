package org.evenkeel.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Telegram sends updates in webhook mode, and where this instance listens for them.
 *
 * <p>Telegram posts to {@code publicUrl}, which must be HTTPS on one of the ports Telegram allows;
 * TLS ends at a reverse proxy or load balancer, which forwards to the plain-HTTP receiver at {@code
 * listenHost:listenPort} and {@code path}. The public URL's path and the listen path are often the
 * same ({@link #of}) but need not be, for proxies that rewrite paths.
 *
 * <p>The path should end in a long random segment ({@code /telegram/3bq0Zr…}) so that nobody who
 * has not been told the URL finds the endpoint at all; the {@code secret} is what actually proves a
 * request came from Telegram (it is sent in the {@code X-Telegram-Bot-Api-Secret-Token} header).
 * Several instances behind one load balancer must share the same URL, path and secret.
 *
 * @param publicUrl the HTTPS URL given to Telegram with {@code setWebhook}
 * @param listenHost the address the receiver binds ("0.0.0.0" for all interfaces)
 * @param listenPort the port the receiver binds; 0 picks a free one (for tests)
 * @param path the exact request path the receiver answers, e.g. "/telegram/3bq0Zr…"
 * @param secret the secret token; never logged, and left out of {@link #toString()}
 * @param maxConnections how many connections Telegram may open at once to deliver updates
 */
public record WebhookSettings(
    URI publicUrl,
    String listenHost,
    int listenPort,
    String path,
    String secret,
    int maxConnections) {

  /**
   * "Ports currently supported for webhooks: 443, 80, 88, 8443."
   * (https://core.telegram.org/bots/api#setwebhook)
   */
  public static final Set<Integer> PUBLIC_PORTS = Set.of(443, 80, 88, 8443);

  /**
   * "secret_token: A secret token to be sent in a header … 1-256 characters. Only characters A-Z,
   * a-z, 0-9, _ and - are allowed." (https://core.telegram.org/bots/api#setwebhook)
   */
  public static final int SECRET_MAX_LENGTH = 256;

  /**
   * "max_connections: The maximum allowed number of simultaneous HTTPS connections to the webhook
   * for update delivery, 1-100. Defaults to 40." (https://core.telegram.org/bots/api#setwebhook)
   */
  public static final int MAX_CONNECTIONS_MAX = 100;

  public static final int DEFAULT_MAX_CONNECTIONS = 40;

  private static final Pattern SECRET_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]*");
  // Unreserved URI characters and '/': no percent-encoding, query or fragment to get wrong.
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  /**
   * Checks every value and reports all problems at once.
   *
   * @throws IllegalArgumentException naming each bad value (but never showing the secret)
   */
  public WebhookSettings {
    List<String> problems = new ArrayList<>();
    problems.addAll(publicUrlProblems(publicUrl));
    if (listenHost == null || listenHost.isBlank()) {
      problems.add("listen host must not be blank");
    }
    if (listenPort < 0 || listenPort > 65_535) {
      problems.add("listen port must be in 0-65535 but was " + listenPort);
    }
    if (path == null || !PATH.matcher(path).matches()) {
      problems.add(
          "path must be '/' followed by segments of A-Z a-z 0-9 . _ ~ - (like /telegram/x3Fq9)"
              + " but was "
              + (path == null ? "missing" : "'" + path + "'"));
    }
    problems.addAll(secretProblems(secret));
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_MAX) {
      problems.add(
          "max connections must be in 1-" + MAX_CONNECTIONS_MAX + " but was " + maxConnections);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid Telegram webhook settings: " + String.join("; ", problems));
    }
  }

  /**
   * Settings that listen on the public URL's own path, with {@link #DEFAULT_MAX_CONNECTIONS}.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static WebhookSettings of(
      String publicUrl, String listenHost, int listenPort, String secret) {
    URI url = parse(publicUrl);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return new WebhookSettings(url, listenHost, listenPort, path, secret, DEFAULT_MAX_CONNECTIONS);
  }

  /** The same settings with another number of connections Telegram may open. */
  public WebhookSettings withMaxConnections(int connections) {
    return new WebhookSettings(publicUrl, listenHost, listenPort, path, secret, connections);
  }

  /** The same settings listening on another port (0 for a free one). */
  public WebhookSettings withListenPort(int port) {
    return new WebhookSettings(publicUrl, listenHost, port, path, secret, maxConnections);
  }

  /** Shows everything but the secret. */
  @Override
  public String toString() {
    return "WebhookSettings[publicUrl="
        + publicUrl
        + ", listen="
        + listenHost
        + ":"
        + listenPort
        + path
        + ", maxConnections="
        + maxConnections
        + ", secret=(hidden)]";
  }

  /**
   * What is wrong with a public webhook URL for Telegram; empty when it is usable.
   *
   * <p>Telegram only calls HTTPS URLs, on {@link #PUBLIC_PORTS}; a query or fragment is refused
   * here because the receiver matches the path alone.
   */
  static List<String> publicUrlProblems(URI url) {
    if (url == null) {
      return List.of("public URL is missing");
    }
    List<String> problems = new ArrayList<>();
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      problems.add("public URL must use https (Telegram calls only HTTPS webhooks): " + url);
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      problems.add("public URL has no host: " + url);
    }
    int port = url.getPort() == -1 ? 443 : url.getPort();
    if (!PUBLIC_PORTS.contains(port)) {
      problems.add(
          "public URL port must be one Telegram allows (443, 80, 88 or 8443) but was "
              + port
              + ": "
              + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      problems.add("public URL must not have user info, a query or a fragment: " + url);
    }
    return problems;
  }

  /** What is wrong with a secret token, described without showing it; empty when it is usable. */
  static List<String> secretProblems(String secret) {
    if (secret == null || secret.isEmpty()) {
      return List.of("secret must not be empty");
    }
    List<String> problems = new ArrayList<>();
    if (secret.length() > SECRET_MAX_LENGTH) {
      problems.add(
          "secret must be at most " + SECRET_MAX_LENGTH + " characters but has " + secret.length());
    }
    if (!SECRET_CHARACTERS.matcher(secret).matches()) {
      problems.add("secret may contain only A-Z a-z 0-9 _ - (it has other characters)");
    }
    return problems;
  }

  private static URI parse(String publicUrl) {
    if (publicUrl == null) {
      throw new IllegalArgumentException(
          "invalid Telegram webhook settings: public URL is missing");
    }
    try {
      return new URI(publicUrl.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid Telegram webhook settings: public URL is not a URL (" + e.getReason() + ")", e);
    }
  }
}
