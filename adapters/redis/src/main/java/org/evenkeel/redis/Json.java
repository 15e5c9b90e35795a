package org.evenkeel.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The compact JSON the codecs share: one-letter field names, defaults left out. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String write(JsonNode node) {
    return node.toString();
  }

  static JsonNode read(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + what + " is not valid JSON", e);
    }
  }

  /** An instant: a number of epoch millis, or a string when it has sub-millisecond digits. */
  static void putInstant(ObjectNode node, String field, Instant instant) {
    String encoded = Instants.encode(instant);
    if (encoded.indexOf('.') < 0) {
      node.put(field, instant.toEpochMilli());
    } else {
      node.put(field, encoded);
    }
  }

  static Instant instant(JsonNode node) {
    return node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : Instants.decode(node.asText());
  }

  static Optional<Instant> optionalInstant(JsonNode node, String field) {
    return node.has(field) ? Optional.of(instant(node.get(field))) : Optional.empty();
  }

  static Optional<String> optionalText(JsonNode node, String field) {
    return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  static void putIfPresent(ObjectNode node, String field, Optional<?> value) {
    value.ifPresent(v -> node.put(field, v.toString()));
  }

  static void putMap(ObjectNode node, String field, Map<String, String> map) {
    if (!map.isEmpty()) {
      ObjectNode inner = node.putObject(field);
      map.forEach(inner::put);
    }
  }

  static Map<String, String> map(JsonNode node, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node.has(field)) {
      node.get(field).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }
}
