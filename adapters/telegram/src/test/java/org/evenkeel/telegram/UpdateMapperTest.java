package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates as Telegram sends them (core.telegram.org/bots/api#update), read into events. */
class UpdateMapperTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String ALICE = "{\"id\":81,\"is_bot\":false,\"first_name\":\"Alice\"}";
  private static final String BOT =
      "{\"id\":7,\"is_bot\":true,\"first_name\":\"Evenkeel\",\"username\":\"evenkeel_bot\"}";
  private static final String PRIVATE = "{\"id\":81,\"type\":\"private\",\"first_name\":\"Alice\"}";
  private static final String GROUP =
      "{\"id\":-1001234,\"type\":\"supergroup\",\"title\":\"Circle\"}";
  private static final ConversationAddress DM = new ConversationAddress("telegram", "81", "81");
  private static final ConversationAddress IN_GROUP =
      new ConversationAddress("telegram", "-1001234", "81");

  private final UpdateMapper mapper = new UpdateMapper("evenkeel_bot");

  private static Update update(long id, String kind, String body) {
    try {
      return JSON.readValue(
          "{\"update_id\":" + id + ",\"" + kind + "\":" + body + "}", Update.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String message(String chat, String from, String rest) {
    return "{\"message_id\":5,\"date\":1772442000,\"chat\":"
        + chat
        + ",\"from\":"
        + from
        + (rest.isEmpty() ? "" : "," + rest)
        + "}";
  }

  private static String text(String chat, String from, String text) {
    return message(chat, from, "\"text\":" + quote(text));
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Optional<InboundEvent> map(long id, String kind, String body) {
    return mapper.map(update(id, kind, body));
  }

  @Test
  void privateText_isATextMessage_withTheUpdateIdAsEventId() {
    assertThat(map(901, "message", text(PRIVATE, ALICE, "rough day, need a minute")))
        .contains(new TextMessage("telegram:901", DM, "rough day, need a minute"));
  }

  @Test
  void commands_keepTheirArguments_andIgnoreCase() {
    assertThat(map(1, "message", text(PRIVATE, ALICE, "/Mood 3 slept badly")))
        .contains(new CommandInvoked("telegram:1", DM, "mood", "3 slept badly"));
    assertThat(map(2, "message", text(PRIVATE, ALICE, "/start")))
        .contains(new CommandInvoked("telegram:2", DM, "start", ""));
  }

  @Test
  void groupCommands_forThisBot_orForNoBotInParticular_areRead_othersAreNot() {
    assertThat(map(3, "message", text(GROUP, ALICE, "/milestone@EvenKeel_bot show")))
        .contains(new CommandInvoked("telegram:3", IN_GROUP, "milestone", "show"));
    assertThat(map(4, "message", text(GROUP, ALICE, "/milestones")))
        .contains(new CommandInvoked("telegram:4", IN_GROUP, "milestones", ""));
    assertThat(map(5, "message", text(GROUP, ALICE, "/help@other_bot"))).isEmpty();
  }

  @Test
  void groupChatter_isIgnored_butAReplyToTheBotOrAMention_isRead() {
    assertThat(map(6, "message", text(GROUP, ALICE, "see you all thursday"))).isEmpty();
    assertThat(map(7, "message", text(GROUP, ALICE, "@evenkeel_bot I am not ok")))
        .contains(new TextMessage("telegram:7", IN_GROUP, "@evenkeel_bot I am not ok"));
    String reply =
        message(
            GROUP,
            ALICE,
            "\"text\":\"thanks\",\"reply_to_message\":" + text(GROUP, BOT, "Day 30 today!"));
    assertThat(map(8, "message", reply))
        .contains(new TextMessage("telegram:8", IN_GROUP, "thanks"));
  }

  @Test
  void aTextThatOnlyLooksLikeACommand_isText() {
    assertThat(map(9, "message", text(PRIVATE, ALICE, "/ that slash was a typo")))
        .contains(new TextMessage("telegram:9", DM, "/ that slash was a typo"));
  }

  @Test
  void buttonPresses_carryTheirPayloadUntouched_forTheEngineToCheck() {
    String query =
        "{\"id\":\"4000\",\"from\":"
            + ALICE
            + ",\"chat_instance\":\"-1\",\"data\":\"s1z.calm\",\"message\":"
            + text(PRIVATE, BOT, "How are you?")
            + "}";
    assertThat(map(10, "callback_query", query))
        .contains(new ButtonPressed("telegram:10", DM, "s1z.calm"));
    String forged = query.replace("s1z.calm", "';DROP TABLE");
    assertThat(map(11, "callback_query", forged))
        .contains(new ButtonPressed("telegram:11", DM, "';DROP TABLE"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"sticker\":{\"file_id\":\"f\",\"file_unique_id\":\"u\",\"type\":\"regular\",\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false}",
        "\"photo\":[{\"file_id\":\"f\",\"file_unique_id\":\"u\",\"width\":90,\"height\":90}]",
        "\"voice\":{\"file_id\":\"f\",\"file_unique_id\":\"u\",\"duration\":3}"
      })
  void whatIsNotText_inADirectChat_isAnUnsupportedMessage(String content) {
    Optional<InboundEvent> event = map(12, "message", message(PRIVATE, ALICE, content));

    assertThat(event).get().isInstanceOf(UnsupportedMessage.class);
    assertThat(((UnsupportedMessage) event.get()).kind()).isIn("sticker", "photo", "voice");
    assertThat(map(13, "message", message(GROUP, ALICE, content))).as("not in groups").isEmpty();
  }

  @Test
  void editsChannelPostsServiceMessagesAndOtherBots_meanNothing() {
    assertThat(map(14, "edited_message", text(PRIVATE, ALICE, "fixed a typo"))).isEmpty();
    assertThat(
            map(
                15,
                "channel_post",
                "{\"message_id\":1,\"date\":1772442000,\"chat\":{\"id\":-100777,\"type\":\"channel\"},\"text\":\"news\"}"))
        .isEmpty();
    assertThat(map(16, "message", message(GROUP, ALICE, "\"new_chat_members\":[" + ALICE + "]")))
        .isEmpty();
    assertThat(map(17, "message", text(GROUP, BOT, "/help"))).isEmpty();
  }

  private static String chatMember(String chat, String oldStatus, String newStatus) {
    return "{\"chat\":"
        + chat
        + ",\"from\":"
        + ALICE
        + ",\"date\":1772442000,\"old_chat_member\":{\"status\":\""
        + oldStatus
        + "\",\"user\":"
        + BOT
        + "},\"new_chat_member\":{\"status\":\""
        + newStatus
        + "\",\"user\":"
        + BOT
        + (newStatus.equals("kicked") ? ",\"until_date\":0" : "")
        + "}}";
  }

  @Test
  void blockingAndUnblockingTheBot_changeTheMembersReachability() {
    assertThat(map(19, "my_chat_member", chatMember(PRIVATE, "member", "kicked")))
        .contains(new ReachabilityChanged("telegram:19", DM, false));
    assertThat(map(20, "my_chat_member", chatMember(PRIVATE, "kicked", "member")))
        .contains(new ReachabilityChanged("telegram:20", DM, true));
    assertThat(map(21, "my_chat_member", chatMember(GROUP, "member", "left")))
        .as("the bot leaving a group is not a member's choice")
        .isEmpty();
  }

  @Test
  void anUpdateOfAKindThisBotDoesNotKnow_meansNothing() {
    assertThat(mapper.map(update(18, "poll_answer", "{\"poll_id\":\"1\",\"option_ids\":[0]}")))
        .isEmpty();
  }

  @Test
  void aMapperWithoutTheBotsName_isRefused() {
    assertThatThrownBy(() -> new UpdateMapper(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
  }
}
