package org.evenkeel.bench.telegram;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which calls the fake refuses instead of handling: a fraction answered {@code 429 Too Many
 * Requests} with {@code parameters.retry_after}, another a {@code 500 Internal Server Error}, each
 * call drawn independently. A refused call did nothing: the message was not sent. Faults start only
 * when {@link #arm() armed}, so the bot's start-up calls always succeed.
 */
final class Faults {

  /** What happens to one call. */
  enum Outcome {
    HANDLE,
    TOO_MANY_REQUESTS,
    SERVER_ERROR
  }

  private final double tooManyRequests;
  private final Set<String> tooManyRequestsMethods;
  private final double serverErrors;
  private final Set<String> serverErrorMethods;
  private final int retryAfterSeconds;
  private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
  private volatile boolean armed;

  /**
   * @param tooManyRequests fraction of calls answered 429, in [0, 1)
   * @param tooManyRequestsMethods lower-case names of the methods that may get a 429; empty for
   *     every method
   * @param serverErrors fraction answered 500, in [0, 1)
   * @param serverErrorMethods the methods that may get a 500; empty for every method
   * @param retryAfterSeconds the retry_after a 429 names (Telegram's are whole seconds, at least 1)
   */
  Faults(
      double tooManyRequests,
      Set<String> tooManyRequestsMethods,
      double serverErrors,
      Set<String> serverErrorMethods,
      int retryAfterSeconds) {
    if (tooManyRequests < 0 || serverErrors < 0 || tooManyRequests + serverErrors >= 1) {
      throw new IllegalArgumentException(
          "fault fractions must be at least 0 and less than 1 together: "
              + tooManyRequests
              + " + "
              + serverErrors);
    }
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retry_after must be at least 1 s: " + retryAfterSeconds);
    }
    this.tooManyRequests = tooManyRequests;
    this.tooManyRequestsMethods = Set.copyOf(tooManyRequestsMethods);
    this.serverErrors = serverErrors;
    this.serverErrorMethods = Set.copyOf(serverErrorMethods);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** From now on calls fail at the configured fractions. */
  void arm() {
    armed = true;
  }

  boolean any() {
    return tooManyRequests > 0 || serverErrors > 0;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Draws the outcome of one call of {@code method} (lower case). */
  Outcome draw(String method) {
    if (!armed || !any()) {
      return Outcome.HANDLE;
    }
    double r = ThreadLocalRandom.current().nextDouble();
    Outcome outcome = Outcome.HANDLE;
    if (r < tooManyRequests && applies(tooManyRequestsMethods, method)) {
      outcome = Outcome.TOO_MANY_REQUESTS;
    } else if (r >= tooManyRequests
        && r < tooManyRequests + serverErrors
        && applies(serverErrorMethods, method)) {
      outcome = Outcome.SERVER_ERROR;
    }
    if (outcome != Outcome.HANDLE) {
      injected.computeIfAbsent(method + " " + status(outcome), k -> new LongAdder()).increment();
    }
    return outcome;
  }

  private static boolean applies(Set<String> methods, String method) {
    return methods.isEmpty() || methods.contains(method);
  }

  /** Faults injected so far, by "method status". */
  Map<String, Long> injected() {
    Map<String, Long> out = new TreeMap<>();
    injected.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  String describe() {
    if (!any()) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "%.1f%% 429 (retry_after %d s) on %s; %.1f%% 500 on %s",
        tooManyRequests * 100,
        retryAfterSeconds,
        names(tooManyRequestsMethods),
        serverErrors * 100,
        names(serverErrorMethods));
  }

  private static String names(Set<String> methods) {
    return methods.isEmpty() ? "every method" : String.join(", ", new TreeSet<>(methods));
  }

  private static int status(Outcome outcome) {
    return outcome == Outcome.TOO_MANY_REQUESTS ? 429 : 500;
  }
}
