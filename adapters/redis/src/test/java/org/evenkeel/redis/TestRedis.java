package org.evenkeel.redis;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis that integration tests run against, shared by the whole test run: {@value
 * #URL_VARIABLE} when set (its database is flushed before every test!), else {@code redis-server}
 * from the PATH, else the binary that the embedded-redis artifact ships. The application's own
 * {@code REDIS_URL} is never read here, so running the tests cannot wipe a developer's data.
 *
 * <p>Published in this module's test-jar, with {@link RedisServerExtension}, for other modules'
 * tests.
 */
public final class TestRedis implements AutoCloseable {

  /**
   * The environment variable naming a Redis for the tests instead of a server of their own. Its
   * database is wiped ({@code FLUSHDB}) before every test.
   */
  public static final String URL_VARIABLE = "EVENKEEL_TEST_REDIS_URL";

  private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");
  private static final Pattern READS = Pattern.compile("total_reads_processed:(\\d+)");

  /** Found once per test run; guarded by the class lock. */
  private static File executable;

  private final String url;
  private final UnifiedJedis client;
  private final Optional<RedisServerProcess> process;

  private TestRedis(String url, Optional<RedisServerProcess> process) {
    this.url = url;
    this.client = quietClient(url);
    this.process = process;
  }

  /** Connects to {@value #URL_VARIABLE}, or starts a server; the caller closes it. */
  public static TestRedis start() {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new TestRedis(configured, Optional.empty());
    }
    try {
      RedisServerProcess server = RedisServerProcess.start(executable());
      return new TestRedis(server.url(), Optional.of(server));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server for the tests", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  /** {@code redis-server} from the PATH, else the embedded-redis binary (unpacked once). */
  public static synchronized File executable() throws IOException {
    if (executable == null) {
      executable = findExecutable();
    }
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

  /** The server's URL, as {@code REDIS_URL} would name it. */
  public String url() {
    return url;
  }

  /** A client shared by the tests; do not close it. */
  public UnifiedJedis client() {
    return client;
  }

  /** A client of its own, for tests that need another connection pool; the caller closes it. */
  public UnifiedJedis newClient() {
    return quietClient(url);
  }

  /**
   * A client whose pool never sends PINGs to idle connections by itself (Jedis's default does every
   * 30 s), so that counting a server's reads counts only what the test did.
   */
  private static UnifiedJedis quietClient(String url) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setTestWhileIdle(false);
    pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
    return RedisConnections.open(RedisUrl.parse(url), pool);
  }

  /** How many reads the server did from client connections: one per request, for small ones. */
  long readsProcessed() {
    Matcher m = READS.matcher(client.info("stats"));
    if (!m.find()) {
      throw new IllegalStateException("INFO stats has no total_reads_processed");
    }
    return Long.parseLong(m.group(1));
  }

  /** Empties the database ({@code FLUSHDB}). */
  public void flush() {
    client.flushDB();
  }

  /** How often each command ran on the server so far ({@code INFO commandstats}). */
  Map<String, Long> commandCalls() {
    Map<String, Long> calls = new HashMap<>();
    Matcher m = CALLS.matcher(client.info("commandstats"));
    while (m.find()) {
      calls.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return calls;
  }

  /** Every key in the database, found with SCAN (fine in tests; the store itself never scans). */
  public Set<String> allKeys() {
    Set<String> keys = new TreeSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, new ScanParams().count(100));
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return keys;
  }

  /** Everything a key holds, as text: its value, elements, fields and values, or members. */
  public String contents(String key) {
    return switch (client.type(key)) {
      case "string" -> client.get(key);
      case "list" -> client.lrange(key, 0, -1).toString();
      case "set" -> new TreeSet<>(client.smembers(key)).toString();
      case "hash" -> new TreeMap<>(client.hgetAll(key)).toString();
      case "zset" -> client.zrangeWithScores(key, 0, -1).toString();
      case "none" -> "";
      default -> throw new IllegalStateException("unexpected type of " + key);
    };
  }

  @Override
  public void close() {
    client.close();
    process.ifPresent(RedisServerProcess::close);
  }
}
