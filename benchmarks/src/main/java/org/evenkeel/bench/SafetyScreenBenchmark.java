package org.evenkeel.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.safety.CrisisSignal;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crisis screen alone, per message: every language's guards and patterns over the normalised
 * text (PatternSafetyScreen). It runs on every piece of free text before anything else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SafetyScreenBenchmark {

  /** Ordinary text of about 600 characters, the length of a long chat message. */
  private static final String LONG =
      ("Today was long. I went to my meeting in the morning, then worked until six and walked"
              + " home the long way because the weather was finally nice. ")
          .repeat(4);

  @Param({"short", "long", "longest", "crisis"})
  public String message;

  private PatternSafetyScreen screen;
  private String text;

  @Setup
  public void setUp() {
    screen = new PatternSafetyScreen(RealContent.load().safety());
    text =
        switch (message) {
          case "short" -> "had a rough day but i'm ok";
          case "long" -> LONG;
          // The longest message the engine reads (EngineSettings.maxTextLength); longer ones are
          // still screened in full before being declined.
          case "longest" -> LONG.repeat(8).substring(0, EngineSettings.DEFAULTS.maxTextLength());
          // From bot-core's labelled safety corpus (explicit ideation): the screen must fire.
          case "crisis" -> "honestly i'm ready to end it all";
          default -> throw new IllegalArgumentException("unknown message kind: " + message);
        };
    if (screen.screen(text).isPresent() != message.equals("crisis")) {
      throw new IllegalStateException("unexpected screen result for the " + message + " message");
    }
  }

  @Benchmark
  public Optional<CrisisSignal> screen() {
    return screen.screen(text);
  }
}
