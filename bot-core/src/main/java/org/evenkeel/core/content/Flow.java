package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation flow loaded from content: steps by stable id and the step to start at. Its {@link
 * #hash()} is computed from the definition (not the file's layout or comments), so sessions can
 * tell whether the flow they are in has changed.
 */
public final class Flow {

  private final String id;
  private final String title;
  private final Optional<String> command;
  private final String start;
  private final Map<String, Step> steps;
  private final String hash;

  public Flow(String id, String title, Optional<String> command, String start, List<Step> steps) {
    this.id = requireValue(id, "id");
    this.title = requireValue(title, "title");
    this.command = requireValue(command, "command");
    this.start = requireValue(start, "start");
    Map<String, Step> byId = new LinkedHashMap<>();
    for (Step step : steps) {
      if (byId.putIfAbsent(step.id(), step) != null) {
        throw new IllegalArgumentException("duplicate step id '" + step.id() + "' in " + id);
      }
    }
    if (!byId.containsKey(start)) {
      throw new IllegalArgumentException("flow " + id + " starts at unknown step '" + start + "'");
    }
    this.steps = java.util.Collections.unmodifiableMap(byId);
    this.hash = hashOf(id + "|" + start + "|" + steps);
  }

  public String id() {
    return id;
  }

  /** Message key of the flow's title. */
  public String title() {
    return title;
  }

  /** The command that starts this flow, without slash. */
  public Optional<String> command() {
    return command;
  }

  public Step startStep() {
    return steps.get(start);
  }

  public Optional<Step> step(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  /** All steps, in file order. */
  public java.util.Collection<Step> steps() {
    return steps.values();
  }

  /** A short hash of the definition. */
  public String hash() {
    return hash;
  }

  private static String hashOf(String canonical) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "Flow[" + id + "@" + hash + "]";
  }
}
