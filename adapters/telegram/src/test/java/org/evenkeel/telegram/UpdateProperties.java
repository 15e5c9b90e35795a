package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;

/**
 * Random updates, from plausible to absurd (fields missing, null, of the wrong type, huge, in
 * unknown kinds), posted to the real webhook endpoint whose sink runs the real {@link
 * UpdateMapper}: every one is answered 200 (taken or deliberately ignored) or 400 (cannot be read
 * as an update), never 500, so no exception escapes the mapper; and what it maps keeps the text.
 */
class UpdateProperties {

  private static final String SECRET = "property_secret_1";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<Throwable> ESCAPED = new ArrayList<>();
  private static final List<InboundEvent> MAPPED = new ArrayList<>();
  private static WebhookReceiver receiver;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeContainer
  static void start() {
    UpdateMapper mapper = new UpdateMapper("evenkeel_bot");
    receiver =
        WebhookReceiver.start(
            WebhookSettings.of("https://bot.example.org/hook/p1", "127.0.0.1", 0, SECRET),
            update -> {
              try {
                Optional<InboundEvent> event = mapper.map(update);
                synchronized (MAPPED) {
                  event.ifPresent(MAPPED::add);
                }
              } catch (RuntimeException e) {
                synchronized (ESCAPED) {
                  ESCAPED.add(e);
                }
                throw e;
              }
            });
  }

  @AfterContainer
  static void stop() {
    receiver.close();
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(JSON::textNode),
        Arbitraries.strings()
            .withCharRange('\u0000', '\uffff')
            .ofMaxLength(5000)
            .map(JSON::textNode),
        Arbitraries.longs().map(JSON::numberNode),
        Arbitraries.of(
            JSON.nullNode(), JSON.booleanNode(true), JSON.arrayNode(), JSON.objectNode()),
        Arbitraries.doubles().map(JSON::numberNode));
  }

  @Provide
  Arbitrary<ObjectNode> updates() {
    Arbitrary<JsonNode> value = values();
    Arbitrary<ObjectNode> user =
        Arbitraries.longs()
            .between(-5, 9_999_999_999L)
            .map(id -> JSON.objectNode().put("id", id).put("is_bot", false).put("first_name", "A"));
    Arbitrary<ObjectNode> chat =
        Arbitraries.longs()
            .between(-1_009_999_999_999L, 9_999_999_999L)
            .flatMap(
                id ->
                    Arbitraries.of("private", "group", "supergroup", "channel", "weird")
                        .map(type -> JSON.objectNode().put("id", id).put("type", type)));
    Arbitrary<ObjectNode> message =
        net.jqwik.api.Combinators.combine(
                user, chat, Arbitraries.strings().ofMaxLength(5000), value, Arbitraries.integers())
            .as(
                (from, in, text, odd, shape) -> {
                  ObjectNode m = JSON.objectNode().put("message_id", 7).put("date", 1_700_000_000);
                  if (shape % 7 != 0) {
                    m.set("from", from);
                  }
                  if (shape % 5 != 0) {
                    m.set("chat", in);
                  }
                  switch (Math.floorMod(shape, 6)) {
                    case 0 -> m.put("text", text);
                    case 1 -> m.put("text", "/" + text);
                    case 2 -> m.set("text", odd);
                    case 3 -> m.putObject("sticker").put("file_id", "x");
                    case 4 -> {
                      m.put("text", "/start@evenkeel_bot " + text);
                      ArrayNode entities = m.putArray("entities");
                      entities
                          .addObject()
                          .put("type", "bot_command")
                          .put("offset", 0)
                          .put("length", 18);
                    }
                    default -> m.set("entities", odd);
                  }
                  return m;
                });
    return net.jqwik.api.Combinators.combine(
            Arbitraries.longs().between(-1, Integer.MAX_VALUE * 2L),
            Arbitraries.of(
                "message",
                "edited_message",
                "channel_post",
                "callback_query",
                "my_chat_member",
                "poll",
                "unknown_kind"),
            message,
            user,
            value)
        .as(
            (id, kind, m, from, odd) -> {
              ObjectNode update = JSON.objectNode().put("update_id", id);
              switch (kind) {
                case "callback_query" -> {
                  ObjectNode q = update.putObject(kind).put("id", "q" + id);
                  q.set("from", from);
                  q.set("message", m);
                  q.set("data", odd);
                }
                case "my_chat_member" -> {
                  ObjectNode c = update.putObject(kind);
                  c.set("chat", m.path("chat").isMissingNode() ? odd : m.get("chat"));
                  c.set("from", from);
                  c.putObject("new_chat_member").put("status", "kicked").set("user", from);
                  c.put("date", 1);
                }
                default -> update.set(kind, m);
              }
              return update;
            });
  }

  @Property(tries = 400)
  void everyUpdate_isTakenOrRefusedAsUnreadable_neverAFailure(@ForAll("updates") ObjectNode update)
      throws Exception {
    int status = post(update.toString());

    assertThat(ESCAPED).as("exceptions out of the mapper").isEmpty();
    assertThat(status).as("answer to %s", abbreviated(update)).isIn(200, 400);
  }

  @Property(tries = 100)
  void anyBytesAtAll_areAnswered200or400(@ForAll String body) throws Exception {
    assertThat(post(body)).isIn(200, 400);
  }

  @Property(tries = 200)
  void aPrivateTextMessage_isMappedWithItsTextIntact(@ForAll String text) throws Exception {
    String typed = text.isBlank() ? "hello" : text;
    ObjectNode update = JSON.objectNode().put("update_id", 77);
    ObjectNode m =
        update.putObject("message").put("message_id", 1).put("date", 1).put("text", typed);
    m.putObject("from").put("id", 42).put("is_bot", false).put("first_name", "A");
    m.putObject("chat").put("id", 42).put("type", "private");
    Optional<InboundEvent> event =
        new UpdateMapper("evenkeel_bot")
            .map(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(
                        com.fasterxml.jackson.databind.DeserializationFeature
                            .FAIL_ON_UNKNOWN_PROPERTIES,
                        false)
                    .treeToValue(update, org.telegram.telegrambots.meta.api.objects.Update.class));

    if (!typed.startsWith("/")) {
      assertThat(event).containsInstanceOf(TextMessage.class);
      assertThat(((TextMessage) event.orElseThrow()).text()).isEqualTo(typed);
    }
  }

  private static int post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/hook/p1"))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String abbreviated(JsonNode update) {
    String text = update.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
