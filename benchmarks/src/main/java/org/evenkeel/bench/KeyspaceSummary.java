package org.evenkeel.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What the load left in Redis, by key shape (member and hash parts replaced): how many keys, their
 * type, whether they expire, and the memory of one example ({@code MEMORY USAGE}, which for a
 * member's keys depends on how much that member did). A maintenance-style SCAN, bounded; the bot
 * itself never scans.
 */
final class KeyspaceSummary {

  private static final int MAX_KEYS = 1_000_000;

  private KeyspaceSummary() {}

  static void print(UnifiedJedis redis, PrintStream out) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> example = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    int seen = 0;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().count(1000));
      for (String key : page.getResult()) {
        String shape = shape(key);
        counts.merge(shape, 1, Integer::sum);
        example.putIfAbsent(shape, key);
      }
      seen += page.getResult().size();
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && seen < MAX_KEYS);
    out.printf("%nKeys after the load (%,d seen):%n", seen);
    out.printf("  %-30s %8s  %-6s %-10s %s%n", "key", "count", "type", "expiry", "bytes (one)");
    counts.forEach(
        (shape, n) -> {
          String key = example.get(shape);
          long ttl = redis.pttl(key);
          out.printf(
              "  %-30s %8d  %-6s %-10s %,d%n",
              shape,
              n,
              redis.type(key),
              ttl < 0 ? "none" : "TTL " + readable(ttl),
              redis.memoryUsage(key, 0));
        });
  }

  private static String shape(String key) {
    return key.replaceAll(":u\\d+", ":U").replaceAll(":claim:[A-Za-z0-9_-]+", ":claim:H");
  }

  private static String readable(long millis) {
    return millis >= 7_200_000 ? millis / 3_600_000 + " h" : millis / 1000 + " s";
  }
}
