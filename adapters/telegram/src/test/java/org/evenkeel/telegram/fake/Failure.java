package org.evenkeel.telegram.fake;

import java.util.Objects;

/**
 * A failure a test makes the fake answer instead of the real outcome, with {@link
 * FakeBotApi#failNext}. The descriptions are Telegram's.
 */
public final class Failure {

  private final ApiResult answer;
  private final String name;

  private Failure(ApiResult answer, String name) {
    this.answer = answer;
    this.name = name;
  }

  /** 429 "Too Many Requests: retry after N" with {@code parameters.retry_after = N}. */
  public static Failure tooManyRequests(int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must be >= 0: " + retryAfterSeconds);
    }
    return new Failure(
        ApiResult.tooManyRequests(retryAfterSeconds), "429 retry after " + retryAfterSeconds);
  }

  /**
   * 400 with "Bad Request: " and the detail, e.g. {@code badRequest("message is not modified")}.
   */
  public static Failure badRequest(String detail) {
    Objects.requireNonNull(detail, "detail");
    return new Failure(ApiResult.badRequest(detail), "400 " + detail);
  }

  /** 401 "Unauthorized", what Telegram answers for a revoked or wrong token. */
  public static Failure unauthorized() {
    return new Failure(ApiResult.unauthorized(), "401");
  }

  /** 403 "Forbidden: bot was blocked by the user". */
  public static Failure botBlocked() {
    return forbidden("bot was blocked by the user");
  }

  /** 403 with "Forbidden: " and the detail, e.g. "bot was kicked from the group chat". */
  public static Failure forbidden(String detail) {
    Objects.requireNonNull(detail, "detail");
    return new Failure(ApiResult.forbidden(detail), "403 " + detail);
  }

  /** A 5xx in the Bot API envelope, e.g. 500 "Internal Server Error". */
  public static Failure serverError(int code) {
    if (code < 500 || code > 599) {
      throw new IllegalArgumentException("not a 5xx status: " + code);
    }
    String description =
        code == 502 ? "Bad Gateway" : code == 503 ? "Service Unavailable" : "Internal Server Error";
    return new Failure(ApiResult.error(code, description), code + " " + description);
  }

  /**
   * 502 with an HTML page instead of JSON, as the proxy in front of the Bot API sometimes sends.
   */
  public static Failure badGatewayPage() {
    return new Failure(
        new ApiResult.Html(
            502,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"),
        "502 HTML page");
  }

  /**
   * The connection is closed before any answer. When that happens on a pooled connection, OkHttp
   * (retryOnConnectionFailure, on by default) silently sends the request again, up to three
   * attempts in all; on a fresh connection the first drop reaches the caller. Inject three to be
   * sure a caller sees the failure.
   */
  public static Failure dropConnection() {
    return new Failure(new ApiResult.Dropped(), "dropped connection");
  }

  ApiResult answer() {
    return answer;
  }

  @Override
  public String toString() {
    return "Failure[" + name + "]";
  }
}
