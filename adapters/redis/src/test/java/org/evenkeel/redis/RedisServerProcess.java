package org.evenkeel.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;

/**
 * A {@code redis-server} process for tests: on a free loopback port, in a temporary directory,
 * persisting nothing unless configured to. Its output goes to {@code redis.log} in that directory.
 * It can be stopped and started again on the same port and directory, as a restarted server.
 */
public final class RedisServerProcess implements AutoCloseable {

  private static final long START_TIMEOUT_MILLIS = 15_000;

  private final List<String> command;
  private final Path dir;
  private final int port;
  // Replaced by restart(); read by the test thread that restarts and by close().
  private volatile Process process;

  private RedisServerProcess(List<String> command, Path dir, int port) {
    this.command = List.copyOf(command);
    this.dir = dir;
    this.port = port;
  }

  /** Starts {@code executable} as a plain server and waits until it answers PING. */
  public static RedisServerProcess start(File executable) throws IOException, InterruptedException {
    return start(executable, List.of(), List.of());
  }

  /**
   * Starts {@code executable} with {@code config} lines in its configuration file (on top of port,
   * loopback, no persistence) and {@code args} after it, and waits until it answers PING.
   */
  public static RedisServerProcess start(File executable, List<String> config, List<String> args)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("evenkeel-redis-");
    int port = freePort();
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of("port " + port, "bind 127.0.0.1", "save \"\"", "appendonly no", "dir " + dir));
    lines.addAll(config);
    // Sentinel rewrites its configuration file, so every process gets one of its own.
    Path conf = Files.write(dir.resolve("redis.conf"), lines);
    List<String> command = new ArrayList<>(List.of(executable.getAbsolutePath(), conf.toString()));
    command.addAll(args);
    RedisServerProcess server = new RedisServerProcess(command, dir, port);
    server.launch();
    return server;
  }

  /**
   * Stops the server as an operator would ({@code SIGTERM}: a persisting server writes its data
   * first) and waits until it has exited. The directory stays, for {@link #restart}.
   */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /**
   * Kills the server ({@code SIGKILL}: no chance to write anything more) and waits until it has
   * exited. The directory stays, for {@link #restart}.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Starts the server again on the same port, directory and configuration, and waits for it. */
  public void restart() throws IOException, InterruptedException {
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
            .start();
    awaitReady();
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        break;
      }
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        client.ping();
        return;
      } catch (RuntimeException notYet) {
        Thread.sleep(50); // polling a starting process; nothing else to wait on
      }
    }
    String log = Files.readString(dir.resolve("redis.log"));
    close();
    throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
