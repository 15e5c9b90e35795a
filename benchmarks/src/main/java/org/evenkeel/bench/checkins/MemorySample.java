package org.evenkeel.bench.checkins;

import java.io.PrintStream;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.redis.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code MEMORY USAGE … SAMPLES 0} of the keys a schedule touches: the profile and the {@code
 * records} hash of members spread over the whole range (mean), and every partition's due-queue and
 * claimed set (total).
 *
 * @param profile mean bytes of a sampled member's profile key
 * @param profileLength mean length of the profile's JSON
 * @param records mean bytes of a sampled member's {@code records} hash (0 when there is none)
 * @param recordsPresent how many sampled members have a {@code records} hash
 * @param dueQueues bytes of all partitions' due-queues and claimed sets together
 * @param dueEntries entries in all due-queues
 * @param sampled how many members were sampled
 */
record MemorySample(
    double profile,
    double profileLength,
    double records,
    int recordsPresent,
    long dueQueues,
    long dueEntries,
    int sampled) {

  static MemorySample take(UnifiedJedis redis, RedisKeys keys, int members, int samples) {
    int count = Math.min(samples, members);
    long profile = 0;
    long length = 0;
    long records = 0;
    int present = 0;
    for (int s = 0; s < count; s++) {
      MemberId member = ScheduledMembers.address((int) ((long) s * members / count)).member();
      profile += usage(redis, keys.profile(member));
      length += redis.strlen(keys.profile(member));
      long hash = usage(redis, keys.records(member));
      records += hash;
      present += hash > 0 ? 1 : 0;
    }
    long queues = 0;
    long entries = 0;
    for (int p = 0; p < keys.partitions(); p++) {
      queues += usage(redis, keys.due(p)) + usage(redis, keys.dueClaimed(p));
      entries += redis.zcard(keys.due(p));
    }
    return new MemorySample(
        profile / (double) count,
        length / (double) count,
        records / (double) count,
        present,
        queues,
        entries,
        count);
  }

  private static long usage(UnifiedJedis redis, String key) {
    Long bytes = redis.memoryUsage(key, 0);
    return bytes == null ? 0 : bytes;
  }

  /** Prints what the schedule added, per key kind and per member. */
  static void printDifference(
      MemorySample before, MemorySample after, int members, PrintStream out) {
    double profile = after.profile - before.profile;
    double records = after.records - before.records;
    double queue = (after.dueQueues - before.dueQueues) / (double) members;
    out.printf(
        "  MEMORY USAGE, mean of %d members: profile %.1f -> %.1f B (JSON %.1f -> %.1f characters):"
            + " +%.1f B%n",
        after.sampled,
        before.profile,
        after.profile,
        before.profileLength,
        after.profileLength,
        profile);
    out.printf(
        "  MEMORY USAGE, mean of %d members: records hash %.1f B (%d of them have one)%n",
        after.sampled, after.records, after.recordsPresent);
    out.printf(
        "  MEMORY USAGE, every partition's due-queue and claimed set: %,d B for %,d entries:"
            + " %.1f B per member%n",
        after.dueQueues, after.dueEntries, queue);
    out.printf(
        "  per-key total: %.1f B per member (profile fields %.1f + records hash %.1f + due-queue"
            + " %.1f); the rest of the used_memory difference is outside single keys (keyspace"
            + " table entries)%n",
        profile + records + queue, profile, records, queue);
  }
}
