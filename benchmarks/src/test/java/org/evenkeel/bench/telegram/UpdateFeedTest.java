package org.evenkeel.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** getUpdates as the fake serves it. */
class UpdateFeedTest {

  private final UpdateFeed feed = new UpdateFeed(new LatencyRecorder(100));

  @Test
  void anUpdate_staysUntilAnOffsetPassesIt() throws Exception {
    long first = feed.add("\"message\":{\"text\":\"a\"}");
    long second = feed.add("\"message\":{\"text\":\"b\"}");

    assertThat(feed.poll(0, 100, 0))
        .isEqualTo(
            "[{\"update_id\":"
                + first
                + ",\"message\":{\"text\":\"a\"}},{\"update_id\":"
                + second
                + ",\"message\":{\"text\":\"b\"}}]");
    assertThat(feed.poll(second, 100, 0)).startsWith("[{\"update_id\":" + second + ",");
    assertThat(feed.redelivered()).isEqualTo(1);
    assertThat(feed.poll(second + 1, 100, 0)).isEqualTo("[]");
  }

  @Test
  void aPoll_returnsAtMostItsLimit() throws Exception {
    for (int i = 0; i < 5; i++) {
      feed.add("\"message\":{}");
    }

    assertThat(feed.poll(0, 2, 0).split("update_id")).hasSize(3);
  }

  @Test
  void anEmptyPoll_isHeld_untilAnUpdateArrives() throws Exception {
    CompletableFuture<String> poll =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return feed.poll(0, 100, 30);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(poll).isNotDone();

    feed.add("\"message\":{}");

    assertThat(poll.get(5, TimeUnit.SECONDS)).contains("\"update_id\":1");
  }
}
