package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

/**
 * One thing wrong with the content, located so an author can find it.
 *
 * @param file path of the file relative to the content directory, with forward slashes
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in words a content author understands
 */
public record ContentProblem(String file, int line, String message)
    implements Comparable<ContentProblem> {

  public ContentProblem {
    requireValue(file, "file");
    requireValue(message, "message");
  }

  @Override
  public int compareTo(ContentProblem other) {
    int byFile = file.compareTo(other.file);
    return byFile != 0 ? byFile : Integer.compare(line, other.line);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
