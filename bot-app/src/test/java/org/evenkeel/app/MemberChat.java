package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.telegram.UpdateMapper;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeMessage;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.ParsedText;
import org.evenkeel.telegram.fake.RecordedCall;
import org.evenkeel.telegram.fake.TelegramHtml;

/**
 * One member's chat with the bot on the fake Bot API, as the member lives it: they type and tap
 * buttons, and read the bot's messages as Telegram shows them (markup removed).
 *
 * <p>Waits are generous (the build machine may be slow and busy); none asserts that something
 * happens quickly.
 */
final class MemberChat {

  static final Duration WAIT = Duration.ofSeconds(30);

  private final FakeBotApi api;
  private final FakeUser member;
  private final long chatId;
  private final List<String> tappedQueries = new CopyOnWriteArrayList<>();

  private MemberChat(FakeBotApi api, FakeUser member, long chatId) {
    this.api = api;
    this.member = member;
    this.chatId = chatId;
  }

  /** The member's private chat with the bot. */
  static MemberChat privateChat(FakeBotApi api, FakeUser member) {
    return new MemberChat(api, member, member.id());
  }

  /** The member writing in a group ({@code groupId} negative) the bot is in. */
  static MemberChat inGroup(FakeBotApi api, FakeUser member, long groupId) {
    return new MemberChat(api, member, groupId);
  }

  /** The conversation as the engine and the stores name it. */
  ConversationAddress address() {
    return new ConversationAddress(
        UpdateMapper.PLATFORM, Long.toString(chatId), Long.toString(member.id()));
  }

  /** The member sends a text (a leading "/command" is one); returns the update_id. */
  int send(String text) {
    ObjectNode update =
        chatId == member.id()
            ? api.updates().privateText(member, text)
            : api.updates().groupText(chatId, member, text);
    return api.enqueue(update);
  }

  /**
   * The member taps the button labelled {@code label} under the latest of the bot's messages here
   * that shows one. Wait for the message first ({@link #awaitMessages}).
   */
  void tap(String label) {
    List<FakeMessage> messages = new ArrayList<>(api.botMessages(chatId));
    for (int i = messages.size() - 1; i >= 0; i--) {
      Optional<String> data = callbackData(messages.get(i), label);
      if (data.isPresent()) {
        ObjectNode update =
            api.updates().callbackQuery(member, chatId, messages.get(i).messageId(), data.get());
        tappedQueries.add(update.path("callback_query").path("id").asText());
        api.enqueue(update);
        return;
      }
    }
    throw new AssertionError("no button '" + label + "' under any of " + messages);
  }

  /**
   * Waits until the bot has sent {@code count} messages here (successfully), and returns what every
   * message sent so far says, in the order sent, as first sent.
   */
  List<String> awaitMessages(int count) {
    return api.awaitCalls("sendMessage", count, this::sentHereSuccessfully, WAIT).stream()
        .map(MemberChat::visibleText)
        .toList();
  }

  /** Waits until the bot has made {@code count} successful edits here; returns them all. */
  List<RecordedCall> awaitEdits(int count) {
    return api.awaitCalls("editMessageText", count, this::sentHereSuccessfully, WAIT);
  }

  /** Every call the bot made about this chat, whatever the method or the answer, in order. */
  List<RecordedCall> calls() {
    return api.calls().stream().filter(this::here).toList();
  }

  /**
   * Waits until every button press of this chat was answered with answerCallbackQuery (and Telegram
   * took the answer), and checks that each was answered exactly once.
   */
  void assertEveryTapAnsweredOnce() {
    List<String> answered =
        api
            .awaitCalls(
                "answerCallbackQuery",
                tappedQueries.size(),
                call ->
                    call.succeeded()
                        && tappedQueries.contains(call.param("callback_query_id").orElse("")),
                WAIT)
            .stream()
            .map(call -> call.param("callback_query_id").orElseThrow())
            .toList();
    assertThat(answered).containsExactlyInAnyOrderElementsOf(tappedQueries);
    assertThat(api.calls("answerCallbackQuery"))
        .as("answers to these presses, refused ones included")
        .filteredOn(call -> tappedQueries.contains(call.param("callback_query_id").orElse("")))
        .hasSameSizeAs(tappedQueries);
  }

  /**
   * Checks that there are exactly as many texts as beginnings, and that each text begins with its
   * own: the order and the number of the bot's messages, without copying every long text.
   */
  static void assertBeginnings(List<String> texts, String... beginnings) {
    List<String> cut =
        IntStream.range(0, texts.size())
            .mapToObj(
                i ->
                    i < beginnings.length && texts.get(i).length() > beginnings[i].length()
                        ? texts.get(i).substring(0, beginnings[i].length())
                        : texts.get(i))
            .toList();
    assertThat(cut).as("the bot's messages, in order: %s", texts).containsExactly(beginnings);
  }

  /** The text a member sees for a call's HTML text. */
  static String visibleText(RecordedCall call) {
    ParsedText parsed = TelegramHtml.parse(call.text());
    if (parsed instanceof ParsedText.Visible visible) {
      return visible.text();
    }
    throw new AssertionError("Telegram would refuse " + call + ": " + parsed);
  }

  private boolean here(RecordedCall call) {
    return call.chatId().equals(Long.toString(chatId));
  }

  private boolean sentHereSuccessfully(RecordedCall call) {
    return here(call) && call.succeeded();
  }

  private static Optional<String> callbackData(FakeMessage message, String label) {
    if (message.deleted() || message.replyMarkup().isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode row : message.replyMarkup().get().path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().equals(label)) {
          return Optional.of(button.path("callback_data").asText());
        }
      }
    }
    return Optional.empty();
  }
}
