package org.evenkeel.bench.telegram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evenkeel.bench.BenchRedis;

/**
 * CPU seconds used so far by the bot's process, Redis, this process (the fake Bot API and the
 * members) and the whole machine ({@code /proc/stat}, so other processes show as the rest), with
 * the time taken; the bot's also split into user and kernel time. Two samples give cores used and
 * CPU per message in between.
 */
record CpuSample(
    long wallNanos, double bot, double botKernel, double redis, double generator, double machine) {

  private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

  static CpuSample take(BotProcess botProcess, BenchRedis redisServer) {
    double[] bot = botProcess.cpuTimes();
    return new CpuSample(
        System.nanoTime(),
        bot[0] + bot[1],
        bot[1],
        redisServer.cpuSeconds(),
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9,
        machineBusySeconds());
  }

  /** What was used between {@code earlier} and this sample. */
  CpuSample since(CpuSample earlier) {
    return new CpuSample(
        wallNanos - earlier.wallNanos,
        bot - earlier.bot,
        botKernel - earlier.botKernel,
        redis - earlier.redis,
        generator - earlier.generator,
        machine - earlier.machine);
  }

  double seconds() {
    return wallNanos / 1e9;
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Busy time of all CPUs: the first line of /proc/stat less idle and iowait; NaN elsewhere. */
  private static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
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
