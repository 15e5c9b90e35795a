package org.evenkeel.telegram;

import java.time.Duration;

/** How the adapter waits (retries, rate limits); tests replace it to keep time or go faster. */
interface Sleeper {

  /** Sleeps the thread for {@code duration}. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
