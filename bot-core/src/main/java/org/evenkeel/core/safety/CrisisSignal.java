package org.evenkeel.core.safety;

import java.util.Set;
import org.evenkeel.core.content.CrisisCategory;

/**
 * The crisis screen's finding: which kinds of danger a message signals. Never carries the text.
 *
 * @param primary the most urgent category found
 * @param categories every category found
 */
public record CrisisSignal(CrisisCategory primary, Set<CrisisCategory> categories) {

  public CrisisSignal {
    categories = Set.copyOf(categories);
    if (!categories.contains(primary)) {
      throw new IllegalArgumentException("primary " + primary + " not among " + categories);
    }
  }
}
