package org.evenkeel.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Requests to a webhook receiver, as Telegram (or someone else) would send them. */
final class WebhookRequests {

  static final String SECRET = "test-secret_0123456789abcdefXYZ";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI url;

  WebhookRequests(URI url) {
    this.url = url;
  }

  /** A private text message from member {@code chatId}, as Telegram posts it. */
  static String privateText(int updateId, long chatId, String text) {
    return """
        {"update_id":%d,
         "message":{"message_id":%d,"date":1760000000,
           "from":{"id":%d,"is_bot":false,"first_name":"Ann","language_code":"en"},
           "chat":{"id":%d,"type":"private","first_name":"Ann"},
           "text":"%s"}}"""
        .formatted(updateId, updateId, chatId, chatId, text);
  }

  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return post(url, body, Optional.of(SECRET), "application/json");
  }

  HttpResponse<String> post(URI to, String body, Optional<String> secret, String contentType)
      throws IOException, InterruptedException {
    return http.send(request(to, secret, contentType).POST(publisher(body)).build(), body());
  }

  /** Posts without a Content-Length, as chunked transfer encoding. */
  HttpResponse<String> postChunked(String body) throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        request(url, Optional.of(SECRET), "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build();
    return http.send(request, body());
  }

  HttpResponse<String> get() throws IOException, InterruptedException {
    return http.send(request(url, Optional.of(SECRET), "application/json").GET().build(), body());
  }

  java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String body) {
    return http.sendAsync(
        request(url, Optional.of(SECRET), "application/json").POST(publisher(body)).build(),
        body());
  }

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and
   * {@code body} over a plain socket, and returns the status line of the answer. For requests the
   * JDK client will not send as they are, and to see the answer before the body is complete.
   */
  String raw(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return statusLine(socket.getInputStream());
    }
  }

  URI url() {
    return url;
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString().trim();
  }

  private static HttpRequest.Builder request(URI to, Optional<String> secret, String type) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(20)).header("Content-Type", type);
    secret.ifPresent(value -> builder.header(WebhookEndpoint.SECRET_HEADER, value));
    return builder;
  }

  private static HttpRequest.BodyPublisher publisher(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}
