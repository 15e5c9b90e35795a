package org.evenkeel.core.content;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Puts validated content in force. Earlier flow versions stay available while every message they
   * use still exists; a version whose wording is gone could not be finished, so members in it
   * restart on the new one instead.
   */
  public void replace(Content content) {
    versions.values().removeIf(f -> !messageKeys(f).stream().allMatch(content.messages()::has));
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

  /** Every message key the steps of {@code flow} may say or show on a button. */
  private static List<String> messageKeys(Flow flow) {
    List<String> keys = new ArrayList<>(List.of(flow.title()));
    for (Step step : flow.steps()) {
      if (step instanceof Step.Say say) {
        keys.addAll(say.say());
      } else if (step instanceof Step.AskText ask) {
        keys.addAll(ask.say());
        keys.add(ask.doneLabel());
        ask.invalid().ifPresent(keys::add);
      } else if (step instanceof Step.AskChoice ask) {
        keys.addAll(ask.say());
        ask.choices().forEach(c -> keys.add(c.label()));
        ask.choices().forEach(c -> c.also().ifPresent(keys::add));
      } else if (step instanceof Step.AskScale ask) {
        keys.addAll(ask.say());
        ask.minLabel().ifPresent(keys::add);
        ask.maxLabel().ifPresent(keys::add);
      } else if (step instanceof Step.Pace pace) {
        pace.phases().forEach(p -> keys.add(p.say()));
      } else if (step instanceof Step.End end) {
        keys.addAll(end.say());
      }
    }
    return keys;
  }
}
