package org.evenkeel.core.content.load;

import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;

/** Collects content problems so that all of them are reported together. */
final class Problems {

  private final List<ContentProblem> list = new ArrayList<>();

  /** Adds a problem; one found again (a too-long label used by several flows) is listed once. */
  void add(String file, int line, String message) {
    ContentProblem problem = new ContentProblem(file, line, message);
    if (!list.contains(problem)) {
      list.add(problem);
    }
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ContentException(list);
    }
  }
}
