package org.evenkeel.core.content.load;

import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;

/** Collects content problems so that all of them are reported together. */
final class Problems {

  private final List<ContentProblem> list = new ArrayList<>();

  void add(String file, int line, String message) {
    list.add(new ContentProblem(file, line, message));
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
