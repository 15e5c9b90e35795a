package org.evenkeel.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} of the benchmark's own, started as adapters/redis's tests start theirs:
 * from the PATH, else the binary shipped in the embedded-redis artifact; on a free loopback port,
 * in a temporary directory, persisting nothing.
 */
final class RedisProcess implements AutoCloseable {

  private static final long START_TIMEOUT_MILLIS = 15_000;

  private final Process process;
  private final Path dir;
  private final int port;
  private final File executable;

  private RedisProcess(Process process, Path dir, int port, File executable) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.executable = executable;
  }

  static RedisProcess start() throws IOException, InterruptedException {
    File executable = findExecutable();
    Path dir = Files.createTempDirectory("evenkeel-bench-redis-");
    int port = freePort();
    List<String> config =
        List.of("port " + port, "bind 127.0.0.1", "save \"\"", "appendonly no", "dir " + dir);
    Path conf = Files.write(dir.resolve("redis.conf"), config);
    Process process =
        new ProcessBuilder(executable.getAbsolutePath(), conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisProcess server = new RedisProcess(process, dir, port, executable);
    server.awaitReady();
    return server;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Which binary runs: the report names it. */
  File executable() {
    return executable;
  }

  private static File findExecutable() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate;
      }
    }
    return ExecutableProvider.newJarResourceProvider().get();
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        client.ping();
        return;
      } catch (RuntimeException notYet) {
        Thread.sleep(50); // polling a starting process; there is nothing else to wait on
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
