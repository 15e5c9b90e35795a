package org.evenkeel.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.text.FormattedText;

/**
 * A turn's outbound effects as a compact JSON array, kept until they are sent. Each effect is an
 * object whose {@code t} says which: {@code m} send message, {@code e} edit message, {@code y}
 * typing, {@code x} export, {@code f} file. Other fields: {@code x} text (markup), {@code c}
 * buttons as {@code [label, payload]} pairs, {@code r} message reference, {@code n} file name,
 * {@code y} media type, {@code b} content (base64), {@code p} protect (1).
 */
final class EffectCodec {

  private EffectCodec() {}

  static String encode(List<Effect> effects) {
    ArrayNode json = Json.array();
    for (Effect effect : effects) {
      json.add(encode(effect));
    }
    return Json.write(json);
  }

  static List<Effect> decode(String text) {
    List<Effect> effects = new ArrayList<>();
    for (JsonNode json : Json.read(text, "outbound effects")) {
      effects.add(decode(json));
    }
    return effects;
  }

  private static ObjectNode encode(Effect effect) {
    ObjectNode json = Json.object();
    if (effect instanceof SendMessage send) {
      json.put("t", "m").put("x", send.text().markup());
      choices(json, send.choices());
      Json.putIfPresent(json, "r", send.ref());
      Json.putIfPresent(json, "a", send.answerPrompt());
    } else if (effect instanceof EditMessage edit) {
      json.put("t", "e").put("r", edit.ref()).put("x", edit.text().markup());
      choices(json, edit.choices());
    } else if (effect instanceof ShowTyping) {
      json.put("t", "y");
    } else if (effect instanceof SendExport export) {
      json.put("t", "x").put("x", export.caption().markup());
    } else if (effect instanceof SendFile file) {
      json.put("t", "f").put("n", file.fileName()).put("y", file.mediaType());
      json.put("b", Base64.getEncoder().encodeToString(file.content()));
      json.put("x", file.caption().markup());
      if (file.protect()) {
        json.put("p", 1);
      }
    } else {
      throw new IllegalArgumentException("not an outbound effect: " + effect.getClass());
    }
    return json;
  }

  private static Effect decode(JsonNode json) {
    String type = json.get("t").asText();
    return switch (type) {
      case "m" ->
          new SendMessage(
              text(json),
              choices(json),
              Json.optionalText(json, "r"),
              Json.optionalText(json, "a"));
      case "e" -> new EditMessage(json.get("r").asText(), text(json), choices(json));
      case "y" -> new ShowTyping();
      case "x" -> new SendExport(text(json));
      case "f" ->
          new SendFile(
              json.get("n").asText(),
              json.get("y").asText(),
              Base64.getDecoder().decode(json.get("b").asText()),
              text(json),
              json.has("p"));
      default -> throw new IllegalStateException("stored effect of unknown type '" + type + "'");
    };
  }

  private static FormattedText text(JsonNode json) {
    return FormattedText.of(json.get("x").asText());
  }

  private static void choices(ObjectNode json, List<Choice> choices) {
    if (!choices.isEmpty()) {
      ArrayNode array = json.putArray("c");
      choices.forEach(c -> array.addArray().add(c.label()).add(c.payload()));
    }
  }

  private static List<Choice> choices(JsonNode json) {
    List<Choice> choices = new ArrayList<>();
    json.path("c").forEach(c -> choices.add(new Choice(c.get(0).asText(), c.get(1).asText())));
    return choices;
  }
}
