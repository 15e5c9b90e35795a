package org.evenkeel.telegram;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.evenkeel.core.port.StoreUnavailableException;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An {@link UpdateSink} for tests: records what it takes, and on request fails (the store is down,
 * or a bug) or holds each caller until released.
 *
 * <p>Called from the receiver's worker threads and read from the test thread: the list is
 * copy-on-write and the behaviour an atomic reference.
 */
final class RecordingUpdateSink implements UpdateSink {

  /** What {@link #accept} does. */
  enum Mode {
    RECORD,
    STORE_UNAVAILABLE,
    FAIL,
    BLOCK
  }

  private final List<Update> accepted = new CopyOnWriteArrayList<>();
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.RECORD);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final String failureMessage;

  RecordingUpdateSink() {
    this("sink failed");
  }

  /** A sink whose failures carry {@code failureMessage}, to prove it is never logged. */
  RecordingUpdateSink(String failureMessage) {
    this.failureMessage = failureMessage;
  }

  @Override
  public void accept(Update update) {
    switch (mode.get()) {
      case RECORD -> accepted.add(update);
      case STORE_UNAVAILABLE ->
          throw new StoreUnavailableException(failureMessage, new IOException(failureMessage));
      case FAIL -> throw new IllegalStateException(failureMessage);
      case BLOCK -> {
        entered.countDown();
        awaitRelease();
        accepted.add(update);
      }
    }
  }

  void mode(Mode next) {
    mode.set(next);
  }

  /** The updates taken, in the order they were. */
  List<Update> accepted() {
    return List.copyOf(accepted);
  }

  /** Waits until a caller is held in {@link Mode#BLOCK}. */
  void awaitBlockedCaller() throws InterruptedException {
    if (!entered.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no update reached the sink");
    }
  }

  /** Lets held callers go on. */
  void release() {
    release.countDown();
  }

  private void awaitRelease() {
    try {
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the sink");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while held", e);
    }
  }
}
