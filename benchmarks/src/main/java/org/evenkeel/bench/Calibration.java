package org.evenkeel.bench;

import java.time.Instant;
import java.util.List;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/**
 * How fast this machine is right now: one thread deciding the same free-text turn over and over, as
 * {@code EngineBenchmark.freeText_fallback} does. On a shared VM the same code runs at quite
 * different speeds from hour to hour; printed beside each load run, it tells runs apart.
 */
final class Calibration {

  private static final int CALLS = 3_000;

  private Calibration() {}

  /** Microseconds per call, after as many calls of warm-up. */
  static double engineMicros(Engine engine) {
    ConversationAddress address = ConversationAddress.direct("calibration", "c");
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    MemberSnapshot idle =
        new MemberSnapshot(
            Profile.newMember(address.member(), now), Session.fresh(address), List.of(), true);
    TextMessage text =
        new TextMessage("c1", address, "walked the dog by the river after work today");
    long sink = 0;
    long start = 0;
    for (int i = 0; i < 2 * CALLS; i++) {
      if (i == CALLS) {
        start = System.nanoTime();
      }
      sink += engine.handle(idle, text, now).effects().size();
    }
    double micros = (System.nanoTime() - start) / 1e3 / CALLS;
    return sink > 0 ? micros : Double.NaN; // sink keeps the calls from being optimised away
  }
}
