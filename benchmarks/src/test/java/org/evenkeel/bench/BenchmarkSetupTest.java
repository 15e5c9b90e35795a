package org.evenkeel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.effect.SendMessage;
import org.junit.jupiter.api.Test;

/**
 * The JMH benchmarks still exercise what their names say on the current content: a content change
 * that broke one would otherwise only show when someone next runs JMH.
 */
class BenchmarkSetupTest {

  @Test
  void engineBenchmarks_replyToTheirEvents() {
    EngineBenchmark bench = new EngineBenchmark();
    bench.setUp(); // checks that the button press reaches the check-in's next question

    assertThat(bench.freeText_matchingAnIntent().session().flow())
        .as("the intent starts a flow")
        .isPresent();
    assertThat(bench.freeText_fallback().session().flow()).isEmpty();
    assertThat(bench.freeText_fallback().effects()).hasAtLeastOneElementOfType(SendMessage.class);
    assertThat(bench.buttonPress_midFlow().session().flow()).isPresent();
  }

  @Test
  void safetyBenchmark_firesOnTheCrisisMessageOnly() {
    for (String kind : new String[] {"short", "long", "longest", "crisis"}) {
      SafetyScreenBenchmark bench = new SafetyScreenBenchmark();
      bench.message = kind;
      bench.setUp();

      assertThat(bench.screen().isPresent()).as(kind).isEqualTo(kind.equals("crisis"));
    }
  }
}
