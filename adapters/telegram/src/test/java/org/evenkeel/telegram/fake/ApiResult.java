package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the fake answers to one call, in the Bot API's envelope
 * (https://core.telegram.org/bots/api#making-requests): {@code {"ok":true,"result":...}}, or {@code
 * {"ok":false,"error_code":..,"description":..}} with the HTTP status equal to the error code and,
 * for flood waits and group migrations, {@code "parameters"}.
 */
sealed interface ApiResult {

  /** A successful call. */
  record Ok(JsonNode result) implements ApiResult {}

  /** A Bot API error. */
  record Error(int code, String description, Optional<ObjectNode> parameters)
      implements ApiResult {}

  /** Not a Bot API answer at all: what a proxy in front of the API sends for 502. */
  record Html(int status, String body) implements ApiResult {}

  /** The connection is closed without an answer. */
  record Dropped() implements ApiResult {}

  static ApiResult ok(JsonNode result) {
    return new Ok(result);
  }

  static ApiResult ok() {
    return new Ok(BooleanNode.TRUE);
  }

  static ApiResult error(int code, String description) {
    return new Error(code, description, Optional.empty());
  }

  static ApiResult badRequest(String description) {
    return error(400, "Bad Request: " + description);
  }

  static ApiResult unauthorized() {
    return error(401, "Unauthorized");
  }

  static ApiResult forbidden(String description) {
    return error(403, "Forbidden: " + description);
  }

  static ApiResult notFound() {
    return error(404, "Not Found");
  }

  static ApiResult conflict(String description) {
    return error(409, "Conflict: " + description);
  }

  static ApiResult tooManyRequests(int retryAfterSeconds) {
    ObjectNode parameters =
        JsonNodeFactory.instance.objectNode().put("retry_after", retryAfterSeconds);
    return new Error(
        429, "Too Many Requests: retry after " + retryAfterSeconds, Optional.of(parameters));
  }

  static ApiResult migrated(long toChatId) {
    ObjectNode parameters =
        JsonNodeFactory.instance.objectNode().put("migrate_to_chat_id", toChatId);
    return new Error(
        400, "Bad Request: group chat was upgraded to a supergroup chat", Optional.of(parameters));
  }

  /** The HTTP status this answer goes out with; 0 for a dropped connection. */
  default int status() {
    if (this instanceof Dropped) {
      return 0;
    }
    if (this instanceof Error error) {
      return error.code();
    }
    if (this instanceof Html html) {
      return html.status();
    }
    return 200;
  }

  default boolean succeeded() {
    return this instanceof Ok;
  }
}
