package org.evenkeel.core.model;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a member is inside a flow. Stores the flow's id, the hash of the definition it started on
 * and the step's stable id, never a position, so that content can change under a member safely.
 *
 * @param flowId stable flow id
 * @param flowHash hash of the flow definition this position belongs to
 * @param stepId stable id of the current step
 * @param stepSeq increases on every step entered; buttons carry it, so old buttons are recognised
 * @param vars answers saved with {@code var:} so far
 * @param pendingTimer the name of the pacing timer this step waits for, if any
 * @param namedTimers timers set by {@code timer} steps: name to the step they fire
 * @param pace progress through a paced exercise, when the step is one
 */
public record FlowPosition(
    String flowId,
    String flowHash,
    String stepId,
    long stepSeq,
    Map<String, String> vars,
    Optional<String> pendingTimer,
    Map<String, String> namedTimers,
    Optional<PaceProgress> pace) {

  public FlowPosition {
    requireValue(flowId, "flowId");
    requireValue(flowHash, "flowHash");
    requireValue(stepId, "stepId");
    vars = Map.copyOf(vars);
    requireValue(pendingTimer, "pendingTimer");
    namedTimers = Map.copyOf(namedTimers);
    requireValue(pace, "pace");
  }

  /** The position at a flow's first step. */
  public static FlowPosition start(String flowId, String flowHash, String stepId, long stepSeq) {
    return new FlowPosition(
        flowId, flowHash, stepId, stepSeq, Map.of(), Optional.empty(), Map.of(), Optional.empty());
  }

  /** The position moved to another step, with no pending timer or pace of its own yet. */
  public FlowPosition atStep(String step, long seq) {
    return new FlowPosition(
        flowId, flowHash, step, seq, vars, Optional.empty(), namedTimers, Optional.empty());
  }

  public FlowPosition withVar(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(vars);
    copy.put(name, value);
    return new FlowPosition(
        flowId, flowHash, stepId, stepSeq, copy, pendingTimer, namedTimers, pace);
  }

  public FlowPosition withPendingTimer(Optional<String> timer) {
    return new FlowPosition(flowId, flowHash, stepId, stepSeq, vars, timer, namedTimers, pace);
  }

  public FlowPosition withNamedTimer(String name, Optional<String> fireStep) {
    Map<String, String> copy = new LinkedHashMap<>(namedTimers);
    fireStep.ifPresentOrElse(step -> copy.put(name, step), () -> copy.remove(name));
    return new FlowPosition(flowId, flowHash, stepId, stepSeq, vars, pendingTimer, copy, pace);
  }

  public FlowPosition withPace(Optional<PaceProgress> value) {
    return new FlowPosition(
        flowId, flowHash, stepId, stepSeq, vars, pendingTimer, namedTimers, value);
  }

  /**
   * Progress through a paced exercise.
   *
   * @param round current round, from 1
   * @param phase current phase index within the round, from 0
   * @param scale duration multiplier; "slower" raises it
   * @param messageRef the engine's reference of the message edited on every phase
   */
  public record PaceProgress(int round, int phase, double scale, String messageRef) {
    public PaceProgress {
      requireValue(messageRef, "messageRef");
    }

    public PaceProgress next(int phases) {
      return phase + 1 < phases
          ? new PaceProgress(round, phase + 1, scale, messageRef)
          : new PaceProgress(round + 1, 0, scale, messageRef);
    }

    public PaceProgress withScale(double value) {
      return new PaceProgress(round, phase, value, messageRef);
    }
  }
}
