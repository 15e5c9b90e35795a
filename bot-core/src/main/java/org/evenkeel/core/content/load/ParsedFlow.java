package org.evenkeel.core.content.load;

import java.util.List;
import java.util.Map;
import org.evenkeel.core.content.Flow;

/**
 * A flow with what the validator needs to point at its lines.
 *
 * @param file the flow's file
 * @param line the line of the flow's id
 * @param flow the flow
 * @param stepLines line of each step
 * @param messageRefs every message key the flow uses, with its line
 */
record ParsedFlow(
    String file,
    int line,
    Flow flow,
    Map<String, Integer> stepLines,
    List<MessageRef> messageRefs) {

  /** A message key used at a line; {@code label} keys are shown on buttons. */
  record MessageRef(String key, int line, boolean label) {}
}
