package org.evenkeel.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.TurnResult;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Engine#handle} on the real content, no I/O: the CPU a turn costs before any store is
 * involved. Each benchmark replays the same snapshot and event, so every call does the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class EngineBenchmark {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final ConversationAddress ALICE = ConversationAddress.direct("bench", "alice");

  private Engine engine;
  private MemberSnapshot idle;
  private MemberSnapshot midFlow;
  private TextMessage intentText;
  private TextMessage fallbackText;
  private ButtonPressed button;

  @Setup
  public void setUp() {
    engine = RealContent.engine(RealContent.load());
    idle =
        new MemberSnapshot(
            Profile.newMember(ALICE.member(), NOW), Session.fresh(ALICE), List.of(), true);
    intentText = new TextMessage("t1", ALICE, "everything is too much rn, help me calm down");
    fallbackText = new TextMessage("t2", ALICE, "walked the dog by the river after work today");

    // /checkin asks for a mood on a 1-5 scale; pressing "3" moves on to the next question.
    TurnResult started = engine.handle(idle, new CommandInvoked("c1", ALICE, "checkin", ""), NOW);
    midFlow =
        new MemberSnapshot(started.profile(), started.session().nextVersion(), List.of(), true);
    List<Choice> scale = lastChoices(started);
    button = new ButtonPressed("b1", ALICE, scale.get(scale.size() / 2).payload());
    if (lastChoices(engine.handle(midFlow, button, NOW)).isEmpty()) {
      throw new IllegalStateException("the button press did not reach the next question");
    }
  }

  /** Free text outside a flow: safety screen, then intent matching, which starts a flow. */
  @Benchmark
  public TurnResult freeText_matchingAnIntent() {
    return engine.handle(idle, intentText, NOW);
  }

  /** Free text that matches no intent: safety screen, every example scored, then the fallback. */
  @Benchmark
  public TurnResult freeText_fallback() {
    return engine.handle(idle, fallbackText, NOW);
  }

  /** A button press on the check-in's mood scale, mid-flow. */
  @Benchmark
  public TurnResult buttonPress_midFlow() {
    return engine.handle(midFlow, button, NOW);
  }

  private static List<Choice> lastChoices(TurnResult result) {
    return result.effects().stream()
        .filter(SendMessage.class::isInstance)
        .map(e -> ((SendMessage) e).choices())
        .filter(c -> !c.isEmpty())
        .reduce((first, second) -> second)
        .orElse(List.of());
  }
}
