package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSweepTest {

  @Test
  void everySweep_visitsEveryPartitionOnce_startingOneFurtherOnThanTheLast() {
    PartitionSweep sweep = new PartitionSweep(4, 1);

    assertThat(sweep.requests()).containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
    assertThat(sweep.requests()).containsExactly(List.of(1), List.of(2), List.of(3), List.of(0));
    sweep.requests();
    sweep.requests();
    assertThat(sweep.requests())
        .as("back to the start after one sweep per partition")
        .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
  }

  @Test
  void whereOneScriptMayNameAnySlot_oneRequestVisitsEveryPartition() {
    PartitionSweep sweep = new PartitionSweep(4, 4);
    sweep.requests();

    assertThat(sweep.requests()).containsExactly(List.of(1, 2, 3, 0));
  }

  @Test
  void requests_areFilledInOrder_theLastWithWhatIsLeft() {
    assertThat(new PartitionSweep(5, 2).requests())
        .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
  }

  @Test
  void aStandaloneClient_sweepsInOneRequest() {
    try (redis.clients.jedis.RedisClient client =
        redis.clients.jedis.RedisClient.create("127.0.0.1", 1)) {
      assertThat(PartitionSweep.of(client, RedisKeys.withDefaultPrefix()).requests()).hasSize(1);
    }
  }
}
