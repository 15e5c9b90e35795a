package org.evenkeel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a measurement: this JVM, the Redis server, and everything
 * (from {@code /proc/stat}, so anything else running shows up as the difference). Figures are in
 * cores: CPU seconds per wall-clock second.
 */
final class CpuUse {

  private static final Path PROC_STAT = Path.of("/proc/stat");
  private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final long wallNanos = System.nanoTime();
  private final long jvmNanos = jvmCpuNanos();
  private final double redisSeconds;
  private final double machineSeconds = machineBusySeconds();

  CpuUse(BenchRedis redis) {
    this.redisSeconds = redis.cpuSeconds();
  }

  /**
   * Cores used since {@code start} by this JVM, Redis and all processes, and the JVM's and Redis's
   * CPU time per turn over {@code turns}.
   */
  static String since(CpuUse start, BenchRedis redis, long turns) {
    CpuUse end = new CpuUse(redis);
    double wall = (end.wallNanos - start.wallNanos) / 1e9;
    double jvm = (end.jvmNanos - start.jvmNanos) / 1e9;
    double server = end.redisSeconds - start.redisSeconds;
    double machine = end.machineSeconds - start.machineSeconds;
    return String.format(
        "JVM %.2f, Redis %.2f, all processes %s of %d cores; per turn: JVM %.0f us, Redis %.0f us",
        jvm / wall,
        server / wall,
        Double.isNaN(machine) ? "unknown" : String.format("%.2f", machine / wall),
        Runtime.getRuntime().availableProcessors(),
        jvm / turns * 1e6,
        server / turns * 1e6);
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Busy time of all CPUs: the first line of /proc/stat less idle and iowait; NaN elsewhere. */
  private static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
