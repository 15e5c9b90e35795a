package org.evenkeel.telegram.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every call the fake received, in order, with waits for tests.
 *
 * <p>Server threads append and answer calls while test threads read and wait; all of it happens
 * under this object's monitor, and every change wakes the waiters.
 */
final class CallLog {

  private final List<RecordedCall> calls = new ArrayList<>();

  synchronized RecordedCall record(
      String method, boolean tokenAccepted, RequestParameters parameters) {
    RecordedCall call =
        new RecordedCall(calls.size() + 1, method, tokenAccepted, parameters, Instant.now());
    calls.add(call);
    notifyAll();
    return call;
  }

  synchronized void answered(RecordedCall call, ApiResult result) {
    call.answered(result);
    notifyAll();
  }

  synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  synchronized List<RecordedCall> of(String method) {
    return calls.stream().filter(sameMethod(method)).collect(Collectors.toUnmodifiableList());
  }

  synchronized Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    calls.forEach(call -> counts.merge(call.method(), 1, Integer::sum));
    return counts;
  }

  /**
   * Waits until {@code count} calls of {@code method} match {@code filter}, and returns all the
   * matching ones (possibly more than {@code count}).
   *
   * @throws AssertionError with what was recorded, if they don't come within {@code timeout}
   */
  synchronized List<RecordedCall> await(
      String method, int count, Predicate<RecordedCall> filter, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<RecordedCall> matching =
          calls.stream()
              .filter(sameMethod(method).and(filter))
              .collect(Collectors.toUnmodifiableList());
      if (matching.size() >= count) {
        return matching;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " "
                + what
                + " "
                + method
                + " call(s) within "
                + timeout
                + " but got "
                + matching.size()
                + "; all calls:\n  "
                + calls.stream().map(RecordedCall::toString).collect(Collectors.joining("\n  ")));
      }
      try {
        wait(Math.max(1, remaining / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + method, e);
      }
    }
  }

  private static Predicate<RecordedCall> sameMethod(String method) {
    String wanted = method.toLowerCase(Locale.ROOT);
    return call -> call.method().toLowerCase(Locale.ROOT).equals(wanted);
  }
}
