package org.evenkeel.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.testing.Conversation;

/**
 * The engine under random sequences of what members do — commands with and without arguments, free
 * text (crisis phrases, numbers, moods, emoji, very long lines), real button presses, forged and
 * stale payloads, time passing — with the shipped content: no turn ever fails (the member would get
 * the apology), the session's version only grows, and a forged payload never moves a flow on.
 */
class EngineProperties {

  private static final List<String> COMMANDS =
      List.of(
          "/start",
          "/ground",
          "/breathe",
          "/gratitude",
          "/checkin",
          "/checkin 4",
          "/mood",
          "/mood 30",
          "/journal",
          "/settings",
          "/settings zone UTC",
          "/settings time other 7pm",
          "/pause",
          "/pause 3",
          "/pause off",
          "/skip",
          "/stop",
          "/menu",
          "/export",
          "/help",
          "/sos",
          "/milestone",
          "/nonsense",
          "/settings days other mon fri");

  private static final List<String> TEXTS =
      List.of(
          "hi",
          "4/5",
          "good day today 4/5",
          "i want to kill myself",
          "this craving is killing me",
          "3",
          "yes",
          "no",
          "Berlin",
          "UTC+5:30",
          "22:00-07:00",
          "weekdays",
          "😀🙏",
          "",
          " ",
          "skip today",
          "i'm freaking out",
          "\u202e\u200bodd\u0000text",
          "x".repeat(5000));

  /** One thing a member does. */
  sealed interface Act {}

  record Say(String line) implements Act {}

  record Tap(int index) implements Act {}

  record Forge(String payload) implements Act {}

  record Wait(Duration duration) implements Act {}

  @Provide
  Arbitrary<Act> acts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(COMMANDS).map(Say::new)),
        net.jqwik.api.Tuple.of(4, Arbitraries.of(TEXTS).map(Say::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40).map(Say::new)),
        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 9).map(Tap::new)),
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.longs().between(0, 5000), Arbitraries.strings().ofMaxLength(12))
                .as((seq, id) -> new Forge("s" + Long.toString(seq, 36) + "." + id))),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(70).map(Forge::new)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.longs().between(1, 48 * 3600).map(s -> new Wait(Duration.ofSeconds(s)))));
  }

  @Property(tries = 60)
  void randomMembers_neverMakeATurnFail_andVersionsOnlyGrow(
      @ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("acts") Act> acts) {
    Conversation chat = Conversation.withRealContent();
    String apology = chat.message("engine.apology");
    long version = chat.state().session().version();
    for (Act act : acts) {
      Optional<FlowPosition> before = chat.state().session().flow();
      if (act instanceof Say say) {
        chat.say(say.line().isEmpty() ? "." : say.line());
      } else if (act instanceof Tap tap) {
        List<Choice> choices = chat.latestChoices();
        if (choices.isEmpty()) {
          continue;
        }
        chat.press(choices.get(tap.index() % choices.size()).payload());
      } else if (act instanceof Forge forge) {
        boolean real =
            chat.latestChoices().stream().anyMatch(c -> c.payload().equals(forge.payload()));
        chat.press(forge.payload());
        if (!real) {
          assertThat(chat.state().session().flow())
              .as("a forged payload %s moved the flow", forge.payload())
              .isEqualTo(before);
        }
      } else if (act instanceof Wait wait) {
        chat.wait(wait.duration());
      }
      long now = chat.state().session().version();
      assertThat(now).as("session version after %s", act).isGreaterThanOrEqualTo(version);
      version = now;
    }
    assertThat(chat.transcript())
        .as("no turn failed")
        .noneMatch(e -> e instanceof SendMessage m && m.text().plainText().equals(apology));
  }
}
