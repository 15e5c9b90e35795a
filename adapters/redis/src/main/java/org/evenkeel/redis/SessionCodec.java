package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.FlowPosition.PaceProgress;
import org.evenkeel.core.model.Session;

/**
 * A {@link Session}'s state as compact JSON; the address is the key's and the version a hash field
 * of its own, so neither is repeated. Fields: {@code q} step counter, {@code x} last crisis card,
 * {@code f} the flow position ({@code i} flow id, {@code h} definition hash, {@code s} step, {@code
 * n} step sequence, {@code v} answers, {@code w} pending timer, {@code t} named timers, {@code p}
 * pace: {@code r} round, {@code h} phase, {@code x} scale, {@code m} message reference).
 */
final class SessionCodec {

  private SessionCodec() {}

  static String encode(Session session) {
    ObjectNode json = Json.object();
    if (session.stepSeqCounter() != 0) {
      json.put("q", session.stepSeqCounter());
    }
    session.lastCrisisCardAt().ifPresent(at -> Json.putInstant(json, "x", at));
    session.flow().ifPresent(flow -> json.set("f", flow(flow)));
    return Json.write(json);
  }

  static Session decode(ConversationAddress address, long version, String text) {
    JsonNode json = Json.read(text, "session");
    return new Session(
        address,
        version,
        json.has("f") ? Optional.of(flow(json.get("f"))) : Optional.empty(),
        json.path("q").asLong(0),
        Json.optionalInstant(json, "x"));
  }

  private static ObjectNode flow(FlowPosition flow) {
    ObjectNode json = Json.object();
    json.put("i", flow.flowId());
    json.put("h", flow.flowHash());
    json.put("s", flow.stepId());
    json.put("n", flow.stepSeq());
    Json.putMap(json, "v", flow.vars());
    Json.putIfPresent(json, "w", flow.pendingTimer());
    Json.putMap(json, "t", flow.namedTimers());
    flow.pace()
        .ifPresent(
            pace ->
                json.putObject("p")
                    .put("r", pace.round())
                    .put("h", pace.phase())
                    .put("x", pace.scale())
                    .put("m", pace.messageRef()));
    return json;
  }

  private static FlowPosition flow(JsonNode json) {
    Optional<PaceProgress> pace =
        json.has("p")
            ? Optional.of(
                new PaceProgress(
                    json.get("p").get("r").asInt(),
                    json.get("p").get("h").asInt(),
                    json.get("p").get("x").asDouble(),
                    json.get("p").get("m").asText()))
            : Optional.empty();
    return new FlowPosition(
        json.get("i").asText(),
        json.get("h").asText(),
        json.get("s").asText(),
        json.get("n").asLong(),
        Json.map(json, "v"),
        Json.optionalText(json, "w"),
        Json.map(json, "t"),
        pace);
  }
}
