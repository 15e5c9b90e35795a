package org.evenkeel.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.SerializableData;

/** An answer of the fake's REST API, in Discord's shapes. */
record Reply(int status, byte[] body, double retryAfter) {

  static Reply ok(SerializableData json) {
    return new Reply(200, json.toData().toJson(), 0);
  }

  static Reply ok(net.dv8tion.jda.api.utils.data.DataArray json) {
    return new Reply(200, json.toJson(), 0);
  }

  static Reply noContent() {
    return new Reply(204, new byte[0], 0);
  }

  static Reply error(int status, int code, String message) {
    return new Reply(
        status, DataObject.empty().put("message", message).put("code", code).toJson(), 0);
  }

  static Reply rateLimited(double seconds) {
    return new Reply(
        429,
        DataObject.empty()
            .put("message", "You are being rate limited.")
            .put("retry_after", seconds)
            .put("global", false)
            .toJson(),
        seconds);
  }

  void write(HttpExchange exchange) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    if (status == 429) {
      // the header in whole seconds, rounded up; the body and the reset-after header exact
      headers.set("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
      headers.set("X-RateLimit-Scope", "user");
      headers.set("X-RateLimit-Limit", "5");
      headers.set("X-RateLimit-Remaining", "0");
      headers.set("X-RateLimit-Reset-After", Double.toString(retryAfter));
      headers.set("X-RateLimit-Bucket", "fake-bucket");
    }
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
