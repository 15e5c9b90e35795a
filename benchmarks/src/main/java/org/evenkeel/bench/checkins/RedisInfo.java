package org.evenkeel.bench.checkins;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;

/** Reads the server's own counters ({@code INFO}). */
final class RedisInfo {

  private static final Pattern EVALSHA =
      Pattern.compile("cmdstat_evalsha:calls=(\\d+),usec=(\\d+)");

  private final UnifiedJedis redis;

  RedisInfo(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** {@code used_memory}: bytes the allocator holds for data and overheads. */
  long usedMemory() {
    return Long.parseLong(field(redis.info("memory"), "used_memory"));
  }

  /** CPU seconds the server has used, user plus system ({@code INFO cpu}). */
  double cpuSeconds() {
    String info = redis.info("cpu");
    return Double.parseDouble(field(info, "used_cpu_user"))
        + Double.parseDouble(field(info, "used_cpu_sys"));
  }

  /** Microseconds spent executing {@code EVALSHA} so far (the scripts' own time). */
  long evalshaMicros() {
    Matcher m = EVALSHA.matcher(redis.info("commandstats"));
    return m.find() ? Long.parseLong(m.group(2)) : 0;
  }

  /** Commands executed so far, those inside scripts included ({@code INFO stats}). */
  long commands() {
    return Long.parseLong(field(redis.info("stats"), "total_commands_processed"));
  }

  /** The server's version. */
  String version() {
    return field(redis.info("server"), "redis_version");
  }

  private static String field(String info, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":(\\S+)").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("INFO has no field " + name);
    }
    return m.group(1);
  }
}
