package org.evenkeel.core.content;

import java.util.List;
import java.util.stream.Collectors;

/** The content has problems; every one found is listed, sorted by file and line. */
public final class ContentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ContentProblem> problems;

  public ContentException(List<ContentProblem> problems) {
    super(describe(problems));
    this.problems = problems.stream().sorted().toList();
  }

  /** The problems, sorted by file and line. */
  public List<ContentProblem> problems() {
    return problems;
  }

  private static String describe(List<ContentProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in content:\n"
        + problems.stream().sorted().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
