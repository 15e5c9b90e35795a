package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.evenkeel.core.model.JournalEntry;

/**
 * A {@link JournalEntry} as compact JSON: {@code k} kind ({@code gratitude}, {@code mood}, {@code
 * note}), {@code a} when, {@code t} text (left out when empty), {@code m} mood.
 */
final class JournalCodec {

  private JournalCodec() {}

  /** The entry as stored for {@code member}: its JSON, sealed by {@code cipher}. */
  static String encode(JournalEntry entry, JournalCipher cipher, String member) {
    return cipher.seal(encode(entry), member);
  }

  /** An entry as stored for {@code member}, opened by {@code cipher} when it was sealed. */
  static JournalEntry decode(String stored, JournalCipher cipher, String member) {
    return decode(cipher.open(stored, member));
  }

  static String encode(JournalEntry entry) {
    ObjectNode json = Json.object();
    json.put("k", entry.kind().id());
    Json.putInstant(json, "a", entry.at());
    if (!entry.text().isEmpty()) {
      json.put("t", entry.text());
    }
    entry.mood().ifPresent(mood -> json.put("m", mood));
    return Json.write(json);
  }

  static JournalEntry decode(String text) {
    JsonNode json = Json.read(text, "journal entry");
    return new JournalEntry(
        JournalEntry.Kind.valueOf(json.get("k").asText().toUpperCase(Locale.ROOT)),
        Json.instant(json.get("a")),
        json.path("t").asText(""),
        json.has("m") ? Optional.of(json.get("m").asInt()) : Optional.empty());
  }
}
