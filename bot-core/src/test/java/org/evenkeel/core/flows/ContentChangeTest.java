package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.testing.Conversation;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content changing under a member mid-flow: they finish on the version they began while this
 * process still knows it; otherwise they are told and the flow starts again on the new version.
 */
class ContentChangeTest {

  private static final String NEW_SEE = "Name five colours you can see around you.";

  @TempDir Path dir;
  private Path v1;
  private Path v2;

  @BeforeEach
  void twoVersions() {
    v1 = copy(TestContent.dir(), dir.resolve("v1"));
    v2 = copy(TestContent.dir(), dir.resolve("v2"));
    // Version 2 of grounding: new wording for the first sense and a longer first pause.
    edit(v2, "messages/en.yaml", "ground:\n", "ground:\n  see_v2: \"" + NEW_SEE + "\"\n");
    edit(v2, "flows/ground.yaml", "    say: ground.see\n", "    say: ground.see_v2\n");
    edit(
        v2,
        "flows/ground.yaml",
        "  - id: breath_1\n    type: wait\n    duration: 2s",
        "  - id: breath_1\n    type: wait\n    duration: 5s");
    // Version 2 of box breathing: three rounds instead of four.
    edit(v2, "flows/breathe-box.yaml", "    rounds: 4\n", "    rounds: 3\n");
  }

  private Conversation chatOn(Path content) {
    return new Conversation(load(content), "member-1", MutableClock.at("2026-03-02T09:00:00Z"));
  }

  private String flowHash(Conversation chat) {
    return chat.state().session().flow().orElseThrow().flowHash();
  }

  @Test
  void contentReplacedMidFlow_theMemberFinishesOnTheVersionTheyBegan() {
    Conversation chat = chatOn(v1);
    chat.say("/ground");
    String oldHash = flowHash(chat);

    chat.content.replace(load(v2));
    assertThat(chat.content.current().flow("ground").orElseThrow().hash()).isNotEqualTo(oldHash);

    chat.tap("Done");
    assertThat(chat.pendingTimers().get(0).dueAt())
        .as("the old version's 2-second pause")
        .isEqualTo(chat.clock.instant().plusSeconds(2));
    chat.wait(Duration.ofSeconds(2));
    chat.expect(chat.message("ground.touch")).expectNo(chat.message("engine.flow_updated"));
    assertThat(flowHash(chat)).isEqualTo(oldHash);

    chat.tap("Done");
    chat.tap("Done").wait(Duration.ofSeconds(2));
    chat.tap("Done");
    chat.tap("Done").wait(Duration.ofSeconds(2));
    chat.tap(chat.message("ground.ok"));
    chat.expect(chat.message("ground.close"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void contentReplaced_theNextRunUsesTheNewVersion() {
    Conversation chat = chatOn(v1);
    chat.say("/ground");
    chat.content.replace(load(v2));
    chat.say("/stop");

    chat.say("/ground");

    chat.expect(NEW_SEE);
    chat.tap("Done");
    assertThat(chat.pendingTimers().get(0).dueAt()).isEqualTo(chat.clock.instant().plusSeconds(5));
  }

  @Test
  void contentReplacedDuringPacing_thePaceKeepsItsOldRounds() {
    Conversation chat = chatOn(v1);
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));

    chat.content.replace(load(v2));
    chat.waitForPacing();

    assertThat(chat.replies(EditMessage.class)).hasSize(16);
    chat.expect("round 4 of 4").expect(chat.message("breathe.after"));
  }

  @Test
  void unknownVersionAfterARestart_theMemberIsTold_andTheFlowStartsAgainOnTheNewVersion() {
    Conversation before = chatOn(v1);
    before.say("/ground");
    Conversation after = new Conversation(load(v2), "member-1", before.clock, before.store);

    after.say("a lamp, a mug, the window");

    assertThat(after.texts().get(0)).isEqualTo(after.message("engine.flow_updated"));
    after
        .expect(after.message("ground.intro"))
        .expect(NEW_SEE)
        .expectNo(after.message("ground.touch"));
    assertThat(flowHash(after))
        .isEqualTo(after.content.current().flow("ground").orElseThrow().hash());
    assertThat(after.state().session().flow().orElseThrow().stepId()).isEqualTo("see");
  }

  @Test
  void unknownVersionAfterARestart_anOldButtonRestartsTheFlowToo() {
    Conversation before = chatOn(v1);
    before.say("/ground");
    String done = before.latestChoices().get(0).payload();
    Conversation after = new Conversation(load(v2), "member-1", before.clock, before.store);

    after.press(done);

    after.expect(after.message("engine.flow_updated")).expect(NEW_SEE);
    after.expectNo(after.message("engine.stale_button"));
    assertThat(after.pendingTimers()).as("the old Done did not also move on").isEmpty();
  }

  @Test
  void unknownVersionAfterARestart_duringPacing_restartsTheExercise() {
    Conversation before = chatOn(v1);
    before.say("/breathe");
    before.tap(before.message("breathe.box.label"));
    Conversation after = new Conversation(load(v2), "member-1", before.clock, before.store);

    after.wait(Duration.ofSeconds(4));

    after.expect(after.message("engine.flow_updated")).expect("round 1 of 3");
    after.waitForPacing();
    assertThat(after.replies(EditMessage.class)).hasSize(12);
    after.expect(after.message("breathe.after"));
  }

  @Test
  void unknownVersionAfterARestart_commandsStillWork() {
    Conversation before = chatOn(v1);
    before.say("/ground");
    Conversation after = new Conversation(load(v2), "member-1", before.clock, before.store);

    after.say("/stop");

    after.expect(after.message("engine.stopped"));
    assertThat(after.state().session().flow()).isEmpty();
  }

  @Test
  void sameVersionAfterARestart_continuesWithoutRestarting() {
    Conversation before = chatOn(v1);
    before.say("/ground");
    Conversation after = new Conversation(load(v1), "member-1", before.clock, before.store);

    after.say("a lamp");
    after.wait(Duration.ofSeconds(2));

    after.expect(after.message("ground.touch")).expectNo(after.message("engine.flow_updated"));
  }

  @Test
  void contentReplaced_withAMessageTheOldVersionUsesRenamed_theFlowRestartsInsteadOfFailing() {
    Path v3 = copy(TestContent.dir(), dir.resolve("v3"));
    edit(v3, "messages/en.yaml", "  touch: \"", "  feel: \"");
    edit(v3, "flows/ground.yaml", "    say: ground.touch\n", "    say: ground.feel\n");
    Conversation chat = chatOn(v1);
    String touch = chat.message("ground.touch");
    chat.say("/ground");

    chat.content.replace(load(v3));
    chat.tap("Done");

    chat.expect(chat.message("engine.flow_updated")).expect(chat.message("ground.see"));
    chat.expectNo(chat.message("engine.apology"));
    chat.tap("Done");
    chat.wait(Duration.ofSeconds(2));
    chat.expect(touch).expectNo(chat.message("engine.apology"));
    assertThat(chat.state().session().flow().orElseThrow().stepId()).isEqualTo("touch");
  }

  // ---- files ----

  private static Content load(Path content) {
    return ContentLoader.load(content);
  }

  private static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void edit(Path content, String file, String from, String to) {
    Path path = content.resolve(file);
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      assertThat(text).as("%s contains %s", file, from).contains(from);
      Files.writeString(
          path,
          text.replaceFirst(
              java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
