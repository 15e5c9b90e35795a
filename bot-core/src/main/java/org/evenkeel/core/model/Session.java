package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.util.Optional;

/**
 * The short-lived state of one conversation: the flow in progress, if any. Every committed turn
 * raises {@link #version()}, which stores use for compare-and-set.
 *
 * @param address the conversation
 * @param version number of turns committed so far; 0 for a conversation never stored
 * @param flow the flow in progress
 * @param stepSeqCounter source of {@link FlowPosition#stepSeq()} values, never reused
 * @param lastCrisisCardAt when the crisis card was last sent, so repeated hits do not spam
 */
public record Session(
    ConversationAddress address,
    long version,
    Optional<FlowPosition> flow,
    long stepSeqCounter,
    Optional<Instant> lastCrisisCardAt) {

  public Session {
    requireValue(address, "address");
    requireValue(flow, "flow");
    requireValue(lastCrisisCardAt, "lastCrisisCardAt");
  }

  /** A conversation never seen before. */
  public static Session fresh(ConversationAddress address) {
    return new Session(address, 0, Optional.empty(), 0, Optional.empty());
  }

  public Session withFlow(Optional<FlowPosition> value) {
    return new Session(address, version, value, stepSeqCounter, lastCrisisCardAt);
  }

  public Session withStepSeqCounter(long value) {
    return new Session(address, version, flow, value, lastCrisisCardAt);
  }

  public Session withLastCrisisCardAt(Instant value) {
    return new Session(address, version, flow, stepSeqCounter, Optional.of(value));
  }

  /** The same state, one version further: what a commit stores. */
  public Session nextVersion() {
    return new Session(address, version + 1, flow, stepSeqCounter, lastCrisisCardAt);
  }
}
