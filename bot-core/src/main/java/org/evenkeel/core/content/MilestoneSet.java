package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;

/**
 * Which clean-time days count as milestones.
 *
 * @param id the set's id
 * @param title message key of its name
 * @param days milestone days in increasing order
 * @param thenYearly whether every full year after the last listed day is a milestone too
 */
public record MilestoneSet(String id, String title, List<Integer> days, boolean thenYearly) {

  public MilestoneSet {
    requireValue(id, "id");
    requireValue(title, "title");
    days = List.copyOf(days);
  }
}
