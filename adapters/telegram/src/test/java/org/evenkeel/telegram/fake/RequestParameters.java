package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one Bot API call, however they came: a JSON body, a query string, a urlencoded
 * form or multipart form data.
 *
 * <p>A JSON body carries objects as objects ({@code "reply_markup":{...}}); the form encodings
 * carry them as JSON text. {@link #json} reads both the same way, so a test need not care which
 * encoding the client chose.
 */
public final class RequestParameters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> values;
  private final Map<String, UploadedFile> files;

  RequestParameters(Map<String, JsonNode> values, Map<String, UploadedFile> files) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  static RequestParameters empty() {
    return new RequestParameters(Map.of(), Map.of());
  }

  /** The names of all parameters and file parts, in the order they came. */
  public Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>(values.keySet());
    names.addAll(files.keySet());
    return names;
  }

  public boolean has(String name) {
    return string(name).isPresent() || files.containsKey(name);
  }

  /** The value as text: strings and numbers as they are, objects and arrays as JSON. */
  public Optional<String> string(String name) {
    JsonNode node = values.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isValueNode() ? node.asText() : node.toString());
  }

  /** The value as JSON; text that holds a JSON object or array is parsed. */
  public Optional<JsonNode> json(String name) {
    JsonNode node = values.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      if (text.startsWith("{") || text.startsWith("[")) {
        try {
          return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
          return Optional.of(node);
        }
      }
    }
    return Optional.of(node);
  }

  /** A whole number, whether it was sent as a number or as text; empty if absent or not one. */
  public Optional<Long> number(String name) {
    return string(name)
        .flatMap(
            text -> {
              try {
                return Optional.of(Long.parseLong(text.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** True when the parameter is the boolean true (or the text "true", as forms send it). */
  public boolean flag(String name) {
    return string(name).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
  }

  /** A file part sent under this multipart name. */
  public Optional<UploadedFile> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(values);
    shown.putAll(files);
    return shown.toString();
  }
}
