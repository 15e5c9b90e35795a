package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.function.Function;

/**
 * Something built from the content in force (a safety screen from its patterns, a classifier from
 * its intent examples), built again on first use after the content changed, so a content reload
 * reaches it without a restart. Reading is one volatile read on the hot path; only a change takes
 * the lock.
 *
 * @param <T> what is built
 */
public final class FollowsContent<T> {

  private final ContentSource content;
  private final Function<Content, T> build;
  private volatile Built<T> built;

  public FollowsContent(ContentSource content, Function<Content, T> build) {
    this.content = requireValue(content, "content");
    this.build = requireValue(build, "build");
    Content now = content.current();
    this.built = new Built<>(now, build.apply(now));
  }

  /** What the content in force gives. */
  public T current() {
    Content now = content.current();
    Built<T> seen = built;
    if (seen.from() == now) {
      return seen.value();
    }
    synchronized (this) {
      if (built.from() != now) {
        built = new Built<>(now, build.apply(now));
      }
      return built.value();
    }
  }

  private record Built<T>(Content from, T value) {}
}
