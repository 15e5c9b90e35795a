package org.evenkeel.bench.telegram;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot as a process of its own, as it runs in production: {@code java -jar} of the shaded jar
 * (or {@code java -cp} of a class path with its main class, for the build's test) in the
 * repository's root, with the Telegram token, the fake's URL and Redis in its environment, and
 * nothing else of this process's {@code EVENKEEL_*} variables (the bot refuses unknown ones). Its
 * output goes to a log file.
 */
final class BotProcess implements AutoCloseable {

  /** What {@code java} runs: a jar, or a class path and a main class. */
  sealed interface Launch {
    record Jar(Path jar) implements Launch {}

    record ClassPath(String classPath, String mainClass) implements Launch {}
  }

  // The logback patterns of bot-app (date, level, [thread], logger - message) and of the
  // benchmarks (no thread), which wins when the bot runs from the benchmarks' class path.
  private static final Pattern LOG_LINE =
      Pattern.compile("^\\S+ (WARN|ERROR)\\s+(?:\\[[^\\]]*\\] )?(\\S+) - (.*)$");
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  // USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux.
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path log;

  private BotProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the bot.
   *
   * @param env the bot's own variables (token, URLs, settings); added to a copy of this process's
   *     environment without its {@code EVENKEEL_}, {@code TELEGRAM_} and {@code REDIS_} variables
   * @param jvmOptions options for the bot's JVM, e.g. {@code -Xmx1g}
   */
  static BotProcess start(
      Launch launch, Path workingDir, Map<String, String> env, List<String> jvmOptions, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    if (launch instanceof Launch.Jar jar) {
      command.add("-jar");
      command.add(jar.jar().toString());
    } else {
      Launch.ClassPath cp = (Launch.ClassPath) launch;
      command.add("-cp");
      command.add(cp.classPath());
      command.add(cp.mainClass());
    }
    command.add("run");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k -> k.startsWith("EVENKEEL_") || k.startsWith("TELEGRAM_") || k.startsWith("REDIS_"));
    environment.putAll(env);
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new BotProcess(builder.start(), log);
  }

  /**
   * The shaded jar the build makes: {@code bot-app/target/bot-app-*-all.jar} under {@code root}.
   */
  static Path findJar(Path root) {
    File[] jars =
        root.resolve("bot-app/target")
            .toFile()
            .listFiles((dir, name) -> name.startsWith("bot-app-") && name.endsWith("-all.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "no bot-app/target/bot-app-*-all.jar: build it first (mvn -q -pl bot-app -am package"
              + " -DskipTests), or run ./evenkeel once");
    }
    return jars[0].toPath();
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** CPU seconds the bot's JVM has used: utime + stime of /proc/{pid}/stat. */
  double cpuSeconds() {
    double[] times = cpuTimes();
    return times[0] + times[1];
  }

  /**
   * CPU seconds the bot's JVM has used in user mode and in the kernel (utime, stime of
   * /proc/{pid}/stat); NaN where that cannot be read.
   */
  double[] cpuTimes() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      // The command name (field 2) may hold spaces; the fields after it are plain numbers.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) f[12].
      return new double[] {
        Long.parseLong(f[11]) / CLOCK_TICKS_PER_SECOND,
        Long.parseLong(f[12]) / CLOCK_TICKS_PER_SECOND
      };
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /** The last {@code lines} lines of the bot's output. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The bot's warnings and errors, counted by level, logger and message with numbers and member
   * tags blanked, so a thousand alike lines are one entry.
   */
  Map<String, Integer> logSummary() {
    Map<String, Integer> counts = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = LOG_LINE.matcher(line);
        if (m.matches()) {
          String about = m.group(3).replaceAll("member \\S+", "member M").replaceAll("\\d+", "N");
          counts.merge(m.group(1) + " " + m.group(2) + " - " + about, 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      counts.put("(no log: " + e.getMessage() + ")", 1);
    }
    return counts;
  }

  Path log() {
    return log;
  }

  /** SIGTERM (the bot finishes the turns under way), then a kill if it does not end in time. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
