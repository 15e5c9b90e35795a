package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.evenkeel.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real launcher, {@code ./evenkeel} at the repository root, as a newcomer would: piping
 * a script into the console and checking a broken copy of the content.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) throws IOException, InterruptedException {
    return run(Map.of(), stdin, args);
  }

  private static Run run(Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("evenkeel").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().remove("REDIS_URL");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("evenkeel-out", ".txt");
    Path err = Files.createTempFile("evenkeel-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("evenkeel did not finish; output so far:\n" + Files.readString(out));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void pipedScript_completesGrounding_andExitsZero() throws Exception {
    Run run =
        run(
            "/ground\nthe window, a lamp, my hands, a mug, the door\n1\n1\n1\n1\n3\n",
            "console",
            "--fast",
            "--user",
            "script-member");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("you> /ground")
        .contains("Find 5 things you can see")
        .contains("4 things you can feel")
        .contains("3 things you can hear")
        .contains("2 things you can smell")
        .contains("1 thing you can taste")
        .contains("[1] Again   [2] Something else   [3] I'm OK");
    // The last line the bot says is the warm close after "I'm OK".
    String[] lines = run.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).startsWith("bot> ");
    assertThat(run.err()).doesNotContain("the window, a lamp");
  }

  @Test
  void pipedScript_withoutFast_waitsForRealPauses_beforeTheNextLine() throws Exception {
    Run run = run("/ground\n1\n", "console");
    assertThat(run.exit()).as(run.err()).isZero();
    // After "Done" the flow pauses (a real timer); the script still sees the next sense.
    assertThat(run.out()).contains("4 things you can feel");
  }

  @Test
  void onRedis_aFlowStartedInOneRun_resumesAtTheSameStepInTheNext() throws Exception {
    try (TestRedis redis = TestRedis.start()) {
      redis.flush();
      Map<String, String> env = Map.of("REDIS_URL", redis.url());

      Run first = run(env, "/ground\nthe window, a lamp\n", "console", "--fast", "--user", "sam");
      assertThat(first.exit()).as(first.err()).isZero();
      assertThat(first.out()).contains("4 things you can feel");

      // A new process: the member answers the step they were on when the last one stopped.
      Run second =
          run(
              env,
              "my feet, my sleeves, the chair, the air\n",
              "console",
              "--fast",
              "--user",
              "sam");
      assertThat(second.exit()).as(second.err()).isZero();
      assertThat(second.out()).contains("3 things you can hear").doesNotContain("Hi, I'm Evenkeel");
    }
  }

  @Test
  void unreachableRedis_stopsWithAMessageNamingREDIS_URL_butNotItsPassword() throws Exception {
    Run run =
        run(
            Map.of("REDIS_URL", "redis://:s3cret-pass@127.0.0.1:1/0"),
            "/ground\n",
            "console",
            "--fast");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("REDIS_URL")
        .contains("does not answer")
        .doesNotContain("s3cret-pass");
  }

  @Test
  void pipedScript_breathing_runsEveryPacedRound_withoutWaiting() throws Exception {
    Run run = run("/breathe\n2\n", "console", "--fast");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("round 4 of 4").contains("[1] Again");
  }

  @Test
  void brokenContentCopy_listsEveryProblemWithFileAndLine_andExitsNonZero(@TempDir Path copy)
      throws Exception {
    breakContent(copy);

    Run run = run("", "content", "check", copy.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(copy + "/crisis/resources\\.yaml:\\d+: unknown country code 'XX'")
        .containsPattern(
            copy + "/flows/ground\\.yaml:\\d+: step '[a-z_-]+' goes to unknown step 'sea'");
    assertThat(run.err()).contains("problems found in " + copy);
  }

  @Test
  void bot_refusesToStart_onBrokenContent(@TempDir Path copy) throws Exception {
    breakContent(copy);

    Run run = run("/ground\n", "--content", copy.toString(), "console", "--fast");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("bot>");
    assertThat(run.err()).contains("cannot start").contains("unknown country code 'XX'");
  }

  private static void breakContent(Path copy) throws IOException {
    Path source = ROOT.resolve("content");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path path : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    Path ground = copy.resolve("flows/ground.yaml");
    Files.writeString(ground, Files.readString(ground).replaceFirst("next: see", "next: sea"));
    Path crisis = copy.resolve("crisis/resources.yaml");
    Files.writeString(crisis, Files.readString(crisis).replaceFirst("\n  GB:", "\n  XX:"));
  }

  @Test
  void shippedContent_checksClean() throws Exception {
    Run run = run("", "content", "check");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("content OK");
  }

  @Test
  void badSetting_stopsWithMessageNamingTheKey() throws Exception {
    Path config = Files.createTempFile("evenkeel", ".yaml");
    Files.writeString(config, "workers: many\n");
    Run run = run("", "--config", config.toString(), "console", "--fast");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(config + ":1: workers: expected a whole number from 1 to 256 but was 'many'");
  }
}
