package org.evenkeel.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.evenkeel.app.config.ConfigException;
import org.evenkeel.app.config.ConfigLoader;
import org.evenkeel.app.config.Settings;
import org.evenkeel.console.ConsoleChat;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;
import org.evenkeel.core.content.load.ContentLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code evenkeel} command line. */
@Command(
    name = "evenkeel",
    mixinStandardHelpOptions = true,
    version = "Evenkeel 0.1.0",
    description = "A calm, private support bot for people in recovery and their communities.",
    subcommands = {Main.Run.class, Main.ConsoleCommand.class, Main.ContentCommand.class},
    footer = {
      "",
      "With no command, 'run' starts: every platform adapter that has credentials, or the",
      "local console chat when none has.",
      "",
      "Exit codes: 0 ok, 1 content problems, 2 configuration or usage problems."
    })
public final class Main implements Callable<Integer> {

  static final int OK = 0;
  static final int CONTENT_PROBLEMS = 1;
  static final int CONFIG_PROBLEMS = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file (default: config/evenkeel.yaml). Settings may also come"
              + " from EVENKEEL_* environment variables.")
  Path config = ConfigLoader.defaultFile();

  @Option(
      names = "--content",
      paramLabel = "DIR",
      description = "Content directory (overrides content.dir).")
  Path content;

  final PrintStream out;
  final PrintStream err;
  final BufferedReader in;
  final boolean terminal;

  Main(PrintStream out, PrintStream err, BufferedReader in, boolean terminal) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err, in, System.console() != null));
  }

  /** Runs the command line and returns the exit code. */
  static int execute(
      String[] args, PrintStream out, PrintStream err, BufferedReader in, boolean terminal) {
    CommandLine cli = new CommandLine(new Main(out, err, in, terminal));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException config) {
            err.println("evenkeel: " + config.getMessage());
            return CONFIG_PROBLEMS;
          }
          if (e instanceof ContentException content) {
            err.println("evenkeel: cannot start: " + content.getMessage());
            return CONTENT_PROBLEMS;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** With no command: run. */
  @Override
  public Integer call() throws Exception {
    return new Run(this).call();
  }

  Launcher launcher() {
    return new Launcher(config, System.getenv());
  }

  /** Starts every adapter with credentials; the console when none has. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Run the bot: on Telegram when TELEGRAM_BOT_TOKEN (or _FILE) is set, on Discord when"
              + " DISCORD_BOT_TOKEN (or _FILE) is set (both may be), else the console chat.")
  static final class Run implements Callable<Integer> {
    @ParentCommand Main main;

    Run() {}

    Run(Main main) {
      this.main = main;
    }

    @Override
    public Integer call() throws Exception {
      Launcher launcher = main.launcher();
      Optional<String> telegram = launcher.telegramToken();
      Optional<String> discord = launcher.discordToken();
      if (telegram.isEmpty() && discord.isEmpty()) {
        return new ConsoleCommand(main).call();
      }
      Settings settings = Launcher.withContent(launcher.settings(), main.content);
      Content content = Launcher.content(settings, null);
      CountDownLatch stop = new CountDownLatch(1);
      // SIGTERM and Ctrl-C: stop receiving, finish the turns under way, then exit.
      Thread hook = new Thread(stop::countDown, "evenkeel-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      launcher.run(settings, content, telegram, discord, stop);
      return OK;
    }
  }

  /** The local console chat. */
  @Command(
      name = "console",
      mixinStandardHelpOptions = true,
      description = {
        "Chat with the bot in this terminal, with an in-memory store.",
        "From a script (stdin not a terminal) it reads one message per line, waits for the",
        "bot's replies to each and exits 0 at the end of the input."
      })
  static final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(
        names = "--fast",
        description = "Run paced exercises without waiting (for scripts and tests).")
    boolean fast;

    @Option(
        names = "--user",
        paramLabel = "NAME",
        description = "The member to chat as (default: console.user).")
    String user;

    ConsoleCommand() {}

    ConsoleCommand(Main main) {
      this.main = main;
    }

    @Override
    public Integer call() throws Exception {
      Launcher launcher = main.launcher();
      Settings settings = Launcher.withContent(launcher.settings(), main.content);
      Content content = Launcher.content(settings, null);
      String name = user != null ? user : settings.consoleUser();
      if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
        main.err.println(
            "evenkeel: --user: expected 1-64 letters, digits, '-' or '_' but was '" + name + "'");
        return CONFIG_PROBLEMS;
      }
      launcher.console(
          settings,
          content,
          new ConsoleChat.Options(name, fast, main.terminal),
          main.in,
          main.out,
          main.terminal);
      return OK;
    }
  }

  /** Content tools. */
  @Command(
      name = "content",
      mixinStandardHelpOptions = true,
      description = "Work with content files.",
      subcommands = {ContentCommand.Check.class})
  static final class ContentCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() {
      new CommandLine(this).usage(main.out);
      return CONFIG_PROBLEMS;
    }

    /** Validates a content directory and lists every problem. */
    @Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check every content file; list every problem with file and line.")
    static final class Check implements Callable<Integer> {
      @ParentCommand ContentCommand parent;

      @Parameters(
          arity = "0..1",
          paramLabel = "DIR",
          description = "Content directory (default: content.dir).")
      Path dir;

      @Override
      public Integer call() {
        Main main = parent.main;
        Path target = dir;
        if (target == null) {
          target = main.content != null ? main.content : main.launcher().settings().contentDir();
        }
        List<ContentProblem> problems = ContentLoader.check(target);
        if (problems.isEmpty()) {
          Content content = ContentLoader.load(target);
          main.out.printf(
              "%s: content OK (%d flows, %d locales, %d countries with crisis lines, %d safety languages)%n",
              target,
              content.flows().size(),
              content.locales().size(),
              content.crisis().countries().size(),
              content.safety().size());
          return OK;
        }
        for (ContentProblem problem : problems) {
          main.out.println(
              target.resolve(problem.file()).normalize()
                  + (problem.line() > 0 ? ":" + problem.line() : "")
                  + ": "
                  + problem.message());
        }
        main.err.println(
            problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + " found in "
                + target);
        return CONTENT_PROBLEMS;
      }
    }
  }
}
