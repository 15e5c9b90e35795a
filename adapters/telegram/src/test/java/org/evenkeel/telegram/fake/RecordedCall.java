package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One request the fake received, recorded when it arrived; its answer is filled in when it is sent
 * (a held {@code getUpdates} is recorded at once and answered up to its timeout later).
 */
public final class RecordedCall {

  private final int sequence;
  private final String method;
  private final boolean tokenAccepted;
  private final RequestParameters parameters;
  private final Instant receivedAt;
  // Written once by the server thread that answers, read by test threads: volatile suffices.
  private volatile ApiResult answer;

  RecordedCall(
      int sequence,
      String method,
      boolean tokenAccepted,
      RequestParameters parameters,
      Instant receivedAt) {
    this.sequence = sequence;
    this.method = method;
    this.tokenAccepted = tokenAccepted;
    this.parameters = parameters;
    this.receivedAt = receivedAt;
  }

  /** The order in which the fake received its calls, from 1. */
  public int sequence() {
    return sequence;
  }

  /** The method as the Bot API documents it ("sendMessage"), whatever case the client used. */
  public String method() {
    return method;
  }

  /** False when the request came with another token than the one the fake accepts. */
  public boolean tokenAccepted() {
    return tokenAccepted;
  }

  public RequestParameters parameters() {
    return parameters;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** Shorthand for {@code parameters().string(name)}. */
  public Optional<String> param(String name) {
    return parameters.string(name);
  }

  /** Shorthand for {@code parameters().json(name)}. */
  public Optional<JsonNode> json(String name) {
    return parameters.json(name);
  }

  /** The chat_id as sent, or "" if none was. */
  public String chatId() {
    return parameters.string("chat_id").orElse("");
  }

  /** The text parameter as sent, or "" if none was. */
  public String text() {
    return parameters.string("text").orElse("");
  }

  /**
   * The HTTP status the fake answered, empty while the call is still being answered; 0 when the
   * fake dropped the connection instead.
   */
  public Optional<Integer> status() {
    ApiResult current = answer;
    return current == null ? Optional.empty() : Optional.of(current.status());
  }

  /** True once the call was answered with {@code "ok":true}. */
  public boolean succeeded() {
    ApiResult current = answer;
    return current != null && current.succeeded();
  }

  /** The Bot API error description, if the call was answered with one. */
  public Optional<String> errorDescription() {
    return answer instanceof ApiResult.Error error
        ? Optional.of(error.description())
        : Optional.empty();
  }

  void answered(ApiResult result) {
    this.answer = result;
  }

  @Override
  public String toString() {
    String outcome = status().map(String::valueOf).orElse("pending");
    return "#" + sequence + " " + method + " " + parameters + " -> " + outcome;
  }
}
