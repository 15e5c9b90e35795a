package org.evenkeel.core.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The content in force, and every flow version this process has served, so that a member who
 * started a flow before a content change can finish it on the version they began.
 */
public final class ContentSource {

  private final AtomicReference<Content> current;
  // Written by replace() (a reload thread) and read by turns on any thread: concurrent map.
  private final Map<String, Flow> versions = new ConcurrentHashMap<>();

  public ContentSource(Content initial) {
    this.current = new AtomicReference<>(initial);
    remember(initial);
  }

  /** The content new turns use. */
  public Content current() {
    return current.get();
  }

  /** Puts validated content in force; earlier flow versions stay available. */
  public void replace(Content content) {
    remember(content);
    current.set(content);
  }

  /** The flow {@code id} exactly as it was when its hash was {@code hash}, if still known. */
  public Optional<Flow> flowVersion(String id, String hash) {
    return Optional.ofNullable(versions.get(id + "@" + hash));
  }

  private void remember(Content content) {
    content.flows().values().forEach(f -> versions.put(f.id() + "@" + f.hash(), f));
  }
}
