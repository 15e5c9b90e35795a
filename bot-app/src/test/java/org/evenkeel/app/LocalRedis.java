package org.evenkeel.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;
import redis.embedded.core.ExecutableProvider;

/**
 * A throwaway redis-server on 127.0.0.1 for end-to-end runs of the launcher: {@code redis-server}
 * from the PATH, else the binary the embedded-redis artifact ships. No persistence.
 */
final class LocalRedis implements AutoCloseable {

  private final Process process;
  private final int port;

  private LocalRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static LocalRedis start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dir = Files.createTempDirectory("evenkeel-redis");
    Process process =
        new ProcessBuilder(
                executable().getAbsolutePath(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    LocalRedis redis = new LocalRedis(process, port);
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        client.ping();
        return redis;
      } catch (RuntimeException notYet) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    redis.close();
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  private static File executable() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate;
      }
    }
    return ExecutableProvider.newJarResourceProvider().get();
  }

  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  @Override
  public void close() {
    process.destroy();
  }
}
