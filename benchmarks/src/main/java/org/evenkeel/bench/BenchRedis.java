package org.evenkeel.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.redis.RedisConnections;
import org.evenkeel.redis.RedisUrl;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis a load run uses: {@value #URL_VARIABLE} when set (its database is flushed!), else a
 * {@link RedisProcess} of its own. Also reads the server's counters ({@code INFO}).
 */
public final class BenchRedis implements AutoCloseable {

  static final String URL_VARIABLE = "EVENKEEL_BENCH_REDIS_URL";

  private static final Pattern CALLS =
      Pattern.compile("cmdstat_([\\w|]+):calls=(\\d+),usec=(\\d+)");

  private final String url;
  private final Optional<RedisProcess> process;
  private final UnifiedJedis client;

  private BenchRedis(String url, Optional<RedisProcess> process, int connections) {
    this.url = url;
    this.process = process;
    this.client = RedisConnections.open(RedisUrl.parse(url), quietPool(connections));
  }

  /** Connects, starting a server first unless {@value #URL_VARIABLE} names one. */
  public static BenchRedis start(int connections) throws IOException, InterruptedException {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new BenchRedis(configured, Optional.empty(), connections);
    }
    RedisProcess server = RedisProcess.start();
    return new BenchRedis(server.url(), Optional.of(server), connections);
  }

  /**
   * A pool of {@code size} connections that sends nothing by itself (Jedis's default pings idle
   * connections every 30 s), so the server's counters count only the benchmark's requests.
   */
  private static ConnectionPoolConfig quietPool(int size) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(size);
    pool.setMaxIdle(size);
    pool.setTestWhileIdle(false);
    pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
    return pool;
  }

  /**
   * Where the server is, for a process that connects to it (never printed: it may hold a password).
   */
  public String url() {
    return url;
  }

  /** The shared, pooled client; closed with this. */
  UnifiedJedis client() {
    return client;
  }

  /** What runs where, for the report (never the URL: it may hold a password). */
  public String describe() {
    String version = field(client.info("server"), "redis_version");
    String where =
        process.map(p -> "started by the benchmark: " + p.executable()).orElse(URL_VARIABLE);
    return "Redis " + version + " (" + where + ")";
  }

  /**
   * One numeric field of an {@code INFO} section, e.g. {@code stat("stats",
   * "total_reads_processed")}.
   */
  long stat(String section, String name) {
    return Long.parseLong(field(client.info(section), name));
  }

  /**
   * The server's request counters, from one {@code INFO all}: that INFO is counted in the next
   * snapshot's reads and commands, so a difference of two snapshots includes one INFO.
   */
  ServerCounters counters() {
    String info = client.info("all");
    Map<String, Long> calls = new HashMap<>();
    Map<String, Long> micros = new HashMap<>();
    Matcher m = CALLS.matcher(info);
    while (m.find()) {
      calls.put(m.group(1), Long.parseLong(m.group(2)));
      micros.put(m.group(1), Long.parseLong(m.group(3)));
    }
    return new ServerCounters(
        Long.parseLong(field(info, "total_reads_processed")),
        Long.parseLong(field(info, "total_commands_processed")),
        calls,
        micros);
  }

  /**
   * Request counters of the server.
   *
   * @param reads reads from client connections: one per request here (no pipelining)
   * @param commands commands executed, including those run inside scripts
   * @param calls calls by command name ({@code INFO commandstats})
   * @param micros time spent executing, by command name; a script's includes the commands it ran
   */
  record ServerCounters(
      long reads, long commands, Map<String, Long> calls, Map<String, Long> micros) {

    /** What happened between {@code earlier} and this, less the INFO that took {@code earlier}. */
    ServerCounters since(ServerCounters earlier) {
      Map<String, Long> delta = minus(calls, earlier.calls);
      delta.merge("info", -1L, Long::sum);
      delta.values().removeIf(v -> v == 0);
      Map<String, Long> time = minus(micros, earlier.micros);
      time.keySet().retainAll(delta.keySet());
      return new ServerCounters(
          reads - earlier.reads - 1, commands - earlier.commands - 1, delta, time);
    }

    private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
      Map<String, Long> delta = new HashMap<>();
      later.forEach((k, v) -> delta.put(k, v - earlier.getOrDefault(k, 0L)));
      return delta;
    }
  }

  /** CPU seconds the server has used ({@code INFO cpu}, user plus system, main thread included). */
  public double cpuSeconds() {
    String info = client.info("cpu");
    return Double.parseDouble(field(info, "used_cpu_user"))
        + Double.parseDouble(field(info, "used_cpu_sys"));
  }

  public void flush() {
    client.flushDB();
  }

  private static String field(String info, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":(\\S+)").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("INFO has no field " + name);
    }
    return m.group(1);
  }

  @Override
  public void close() {
    client.close();
    process.ifPresent(RedisProcess::close);
  }
}
