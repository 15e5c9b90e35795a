package org.evenkeel.core.content;

/** Where a step goes next: another step, the end of the flow, or the start of another flow. */
public sealed interface Target {

  /** Parses {@code end}, {@code flow:<id>} or a step id. */
  static Target parse(String text) {
    if (text.equals("end")) {
      return new End();
    }
    if (text.startsWith("flow:")) {
      return new ToFlow(text.substring("flow:".length()));
    }
    return new ToStep(text);
  }

  /** Another step of the same flow. */
  record ToStep(String stepId) implements Target {
    @Override
    public String toString() {
      return stepId;
    }
  }

  /** The flow ends quietly. */
  record End() implements Target {
    @Override
    public String toString() {
      return "end";
    }
  }

  /** Another flow starts from its first step. */
  record ToFlow(String flowId) implements Target {
    @Override
    public String toString() {
      return "flow:" + flowId;
    }
  }
}
