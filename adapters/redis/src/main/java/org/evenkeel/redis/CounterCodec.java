package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.evenkeel.core.model.MilestoneCounter;

/**
 * A {@link MilestoneCounter} as one field of the member's {@code records} hash: the field is {@code
 * :<scope>:<name>} (a colon, then {@link MilestoneCounter#key()}; the scope is empty for a private
 * counter and never contains {@code :}, and timer fields never start with one), the value compact
 * JSON: {@code a} start of the current run, {@code d} 1 when the start day counts as day 1, {@code
 * l} longest earlier run in days, {@code p} days of all earlier runs (each left out at its
 * default).
 */
final class CounterCodec {

  /** What starts every counter field, and no timer field (a chat id is never empty). */
  static final String FIELD_MARK = ":";

  private CounterCodec() {}

  static String field(MilestoneCounter counter) {
    return FIELD_MARK + counter.key();
  }

  static boolean isCounterField(String field) {
    return field.startsWith(FIELD_MARK);
  }

  static String encode(MilestoneCounter counter) {
    ObjectNode json = Json.object();
    Json.putInstant(json, "a", counter.start());
    if (counter.countFromDayOne()) {
      json.put("d", 1);
    }
    if (counter.longestDays() != 0) {
      json.put("l", counter.longestDays());
    }
    if (counter.pastDays() != 0) {
      json.put("p", counter.pastDays());
    }
    return Json.write(json);
  }

  static MilestoneCounter decode(String field, String value) {
    int colon = field.indexOf(':', FIELD_MARK.length());
    if (!isCounterField(field) || colon < 0) {
      throw new IllegalStateException("not a stored counter's field: " + field);
    }
    JsonNode json = Json.read(value, "milestone counter");
    return new MilestoneCounter(
        field.substring(FIELD_MARK.length(), colon),
        field.substring(colon + 1),
        Json.instant(json.get("a")),
        json.path("d").asInt(0) == 1,
        json.path("l").asLong(0),
        json.path("p").asLong(0));
  }

  /** The counters among the fields of an {@code HGETALL} reply, in the order of their keys. */
  static List<MilestoneCounter> fromHash(List<?> fieldsAndValues) {
    List<MilestoneCounter> counters = new ArrayList<>();
    for (int i = 0; i < fieldsAndValues.size(); i += 2) {
      String field = (String) fieldsAndValues.get(i);
      if (isCounterField(field)) {
        counters.add(decode(field, (String) fieldsAndValues.get(i + 1)));
      }
    }
    counters.sort(Comparator.comparing(MilestoneCounter::key));
    return counters;
  }
}
