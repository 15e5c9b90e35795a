package org.evenkeel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A few hundred turns through the load generator against a real redis-server, so that `mvn verify`
 * keeps it working without running the real (minutes-long) load.
 */
class LoadGeneratorIT {

  private static final int TURNS = 200;

  @Test
  void aSmallLoad_runsEveryTurn_inFourRequests_oneRequestPerStoreOrMailboxCall() throws Exception {
    LoadOptions small =
        LoadOptions.parse(
            "--conversations=20",
            "--warmup=30",
            "--measure=30",
            "--iterations=1",
            "--max-turns=" + TURNS,
            "--workers=4",
            "--submitters=2",
            "--members=500");
    ByteArrayOutputStream report = new ByteArrayOutputStream();

    LoadGenerator.Figures figures;
    try (BenchRedis redis = BenchRedis.start(16)) {
      figures = LoadGenerator.run(small, redis, new PrintStream(report, true, "UTF-8"));
    }

    assertThat(figures.throughput().turns()).as("the turn budget ends the run").isEqualTo(TURNS);
    double callsPerTurn =
        figures.throughput().callsPerTurn().values().stream().mapToDouble(d -> d).sum();
    // One event in flight per conversation: each finds its conversation idle, and is appended
    // with its snapshot read, committed, marked as being sent and finished.
    assertThat(figures.throughput().callsPerTurn())
        .containsOnlyKeys("mailbox.append", "store.commit", "store.markSending", "mailbox.next");
    assertThat(callsPerTurn).isCloseTo(4, within(1e-9));
    assertThat(figures.requestsPerTurn())
        .as("the server read exactly the benchmark's requests, one per call")
        .isCloseTo(callsPerTurn, within(1e-9));
    assertThat(figures.bytesPerIdleMember()).isPositive();
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("Turns/s", "Requests by operation", "Keys after the load", "MEMORY USAGE");
  }
}
