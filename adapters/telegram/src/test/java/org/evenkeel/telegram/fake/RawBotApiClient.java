package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls to the fake, for testing the wire format itself without TelegramBots in the way.
 */
final class RawBotApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: the HTTP status and the body as JSON. */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return body.path("ok").asBoolean(false);
    }

    JsonNode result() {
      return body.path("result");
    }

    String description() {
      return body.path("description").asText("");
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String token;

  RawBotApiClient(FakeBotApi api) {
    this(api, api.token());
  }

  RawBotApiClient(FakeBotApi api, String token) {
    this.base = api.baseUrl();
    this.token = token;
  }

  Answer json(String method, Map<String, ?> parameters) {
    try {
      return send(
          request(method)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(parameters)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer form(String method, String urlEncoded) {
    return send(
        request(method)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded))
            .build());
  }

  Answer get(String methodAndQuery) {
    return send(request(methodAndQuery).GET().build());
  }

  /** A multipart request with text fields and one file part. */
  Answer multipart(
      String method, Map<String, String> fields, String filePart, String fileName, byte[] file) {
    String boundary = "fake-boundary-7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\nContent-Length: "
                        + value.getBytes(StandardCharsets.UTF_8).length
                        + "\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + filePart
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(method)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Sends and returns the raw outcome, for failures that are not Bot API answers. */
  HttpResponse<String> raw(String method, Map<String, ?> parameters) throws IOException {
    try {
      return http.send(
          request(method)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(parameters)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpRequest.Builder request(String method) {
    return HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
        .timeout(Duration.ofSeconds(30));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
