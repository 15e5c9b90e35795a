package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class InvalidRequestGuardTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private final List<Duration> slept = new ArrayList<>();
  private final InvalidRequestGuard guard =
      new InvalidRequestGuard(
          3,
          nanos::get,
          d -> {
            slept.add(d);
            nanos.addAndGet(Duration.ofMinutes(1).toNanos()); // time passes while held back
          });

  private static Response response(int code, String scope) {
    Response.Builder b =
        new Response.Builder()
            .request(new Request.Builder().url("http://127.0.0.1/api/v10/x").build())
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("x")
            .body(ResponseBody.create(new byte[0], null));
    if (scope != null) {
      b.header("X-RateLimit-Scope", scope);
    }
    return b.build();
  }

  @Test
  void refusalsCount_butASharedRateLimitAndOtherErrorsDoNot() {
    assertThat(InvalidRequestGuard.counts(response(401, null))).isTrue();
    assertThat(InvalidRequestGuard.counts(response(403, null))).isTrue();
    assertThat(InvalidRequestGuard.counts(response(429, "user"))).isTrue();
    assertThat(InvalidRequestGuard.counts(response(429, "shared"))).isFalse();
    assertThat(InvalidRequestGuard.counts(response(404, null))).isFalse();
    assertThat(InvalidRequestGuard.counts(response(500, null))).isFalse();
    assertThat(InvalidRequestGuard.counts(response(200, null))).isFalse();
  }

  @Test
  void refusals_areCountedForTenMinutes() {
    guard.record();
    guard.record();
    assertThat(guard.inWindow()).isEqualTo(2);

    nanos.addAndGet(Duration.ofMinutes(9).toNanos());
    guard.record();
    assertThat(guard.inWindow()).isEqualTo(3);

    nanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());
    assertThat(guard.inWindow()).isEqualTo(1);
  }

  @Test
  void atTheSoftLimit_requestsAreHeldBack_untilTheWindowHasRoom() throws Exception {
    guard.record();
    guard.record();
    guard.record();

    Response passed = guard.guard(() -> response(200, null));

    assertThat(passed.code()).isEqualTo(200);
    assertThat(slept).isNotEmpty(); // held back for the ten minutes to roll by
    assertThat(guard.inWindow()).isLessThan(3);
  }

  @Test
  void belowTheSoftLimit_nothingWaits() throws Exception {
    guard.record();

    guard.guard(() -> response(403, null));

    assertThat(slept).isEmpty();
    assertThat(guard.inWindow()).isEqualTo(2);
  }

  @Test
  void aSoftLimitAtOrAboveDiscordsBan_isRefused() {
    assertThatThrownBy(() -> new InvalidRequestGuard(10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 9999");
  }
}
