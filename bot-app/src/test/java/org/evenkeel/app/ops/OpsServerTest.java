package org.evenkeel.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.port.DispatchMetrics;
import org.evenkeel.core.port.Lane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's endpoints over real HTTP: liveness, readiness with its checks, Prometheus text.
 */
class OpsServerTest {

  private final AtomicBoolean store = new AtomicBoolean(true);
  private final MicrometerMetrics metrics = new MicrometerMetrics();
  private final OpsServer server =
      OpsServer.start(
          "127.0.0.1",
          0,
          List.of(
              new OpsServer.Check("store", store::get),
              new OpsServer.Check(
                  "broken",
                  () -> {
                    throw new IllegalStateException("a check that throws is down, not a 500");
                  })),
          metrics::scrape);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> call(String method, String path)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return http.send(
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void live_answers200() throws Exception {
    assertThat(call("GET", "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void ready_is503NamingTheChecksThatAreDown_and200WhenAllPass() throws Exception {
    HttpResponse<String> down = call("GET", "/health/ready");

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body())
        .isEqualTo("{\"ready\":false,\"checks\":{\"store\":\"up\",\"broken\":\"down\"}}\n");

    store.set(false);
    assertThat(call("GET", "/health/ready").body()).contains("\"store\":\"down\"");

    OpsServer allUp =
        OpsServer.start(
            "127.0.0.1", 0, List.of(new OpsServer.Check("store", () -> true)), metrics::scrape);
    try {
      HttpResponse<String> up =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + allUp.address().getPort() + "/health/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).startsWith("{\"ready\":true");
    } finally {
      allUp.close();
    }
  }

  @Test
  void metrics_areInPrometheusText_withTurnsCrisesSendsAndLag() throws Exception {
    metrics.turn("text", DispatchMetrics.Outcome.COMMITTED, Duration.ofMillis(3));
    metrics.turn("text", DispatchMetrics.Outcome.COMMITTED, Duration.ofMillis(5));
    metrics.turn("timer", DispatchMetrics.Outcome.FAILED, Duration.ofMillis(1));
    metrics.crisisDetected(CrisisCategory.PASSIVE_IDEATION);
    metrics.sent("telegram", Lane.PROACTIVE, "ok");
    metrics.dueLag(Duration.ofMillis(1500));

    HttpResponse<String> scrape = call("GET", "/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(scrape.body())
        .contains("evenkeel_turns_total{kind=\"text\",outcome=\"committed\"} 2.0")
        .contains("evenkeel_turns_total{kind=\"timer\",outcome=\"failed\"} 1.0")
        .contains("evenkeel_turn_seconds_bucket{kind=\"text\"")
        .contains("evenkeel_crisis_detections_total{category=\"passive_ideation\"} 1.0")
        .contains("evenkeel_crisis_detections_total{category=\"self_harm\"} 0.0")
        .contains(
            "evenkeel_sends_total{lane=\"proactive\",platform=\"telegram\",result=\"ok\"} 1.0")
        .contains("evenkeel_due_lag_seconds_count 1")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void otherMethodsAndPaths_areRefused() throws Exception {
    assertThat(call("POST", "/metrics").statusCode()).isEqualTo(405);
    assertThat(call("GET", "/admin").statusCode()).isEqualTo(404);
    assertThat(call("HEAD", "/health/live").statusCode()).isEqualTo(200);
  }
}
