package org.evenkeel.core.port;

import java.time.Duration;
import org.evenkeel.core.content.CrisisCategory;

/**
 * What the dispatcher and the timer pump count, for an operator's dashboard. Only kinds, outcomes
 * and durations: never a member's id or words, so nothing here can say who wrote what.
 */
public interface DispatchMetrics {

  /** Counts nothing. */
  DispatchMetrics NONE = new DispatchMetrics() {};

  /** How a turn ended. */
  enum Outcome {
    /** Decided and committed; its replies were handed to the platform. */
    COMMITTED,
    /** Committed before (a crash in between): not handled again. */
    ALREADY_DONE,
    /** The member's data was deleted at their request. */
    FORGOTTEN,
    /** It failed; the member got an apology. */
    FAILED
  }

  /**
   * A turn ended.
   *
   * @param kind the kind of event: text, command, button, timer, …
   * @param took from taking the event to handing its replies over
   */
  default void turn(String kind, Outcome outcome, Duration took) {}

  /** The crisis screen found {@code category} in a member's message. */
  default void crisisDetected(CrisisCategory category) {}

  /**
   * A turn's messages were handed to a platform.
   *
   * @param result {@code ok}, {@code unreachable} (the member blocked the bot) or {@code failed}
   */
  default void sent(String platform, Lane lane, String result) {}

  /** A timer was claimed {@code lag} after it was due. */
  default void dueLag(Duration lag) {}
}
