package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.memory.InMemoryChatMigrations;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.core.port.StoreUnavailableException;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The sink between receiving and the mailbox, with the real client answering button presses. */
class TelegramInboundIT {

  private static final FakeUser ANN = FakeUser.of(42);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final FakeBotApi api = FakeBotApi.start();
  private final OkHttpTelegramClient client =
      new OkHttpTelegramClient(api.token(), api.telegramUrl());
  private final List<InboundEvent> submitted = new CopyOnWriteArrayList<>();
  private final InMemoryChatMigrations migrations = new InMemoryChatMigrations();

  private TelegramInbound inbound(java.util.function.Consumer<InboundEvent> submit) {
    return new TelegramInbound(
        new UpdateMapper(api.botUsername(), migrations), submit, client, migrations);
  }

  @AfterEach
  void close() {
    api.close();
  }

  private Update update(ObjectNode json, long id) throws Exception {
    json.put("update_id", id);
    return JSON.treeToValue(json, Update.class);
  }

  private int botMessageToAnn() throws Exception {
    return client
        .execute(SendMessage.builder().chatId(42L).text("How are you?").build())
        .getMessageId();
  }

  @Test
  void aButtonPress_isSubmitted_andItsQueryAnswered() throws Exception {
    TelegramInbound inbound = inbound(submitted::add);
    int question = botMessageToAnn();

    inbound.accept(update(api.updates().callbackQuery(ANN, question, "s1.calm"), 77));

    assertThat(submitted).singleElement().isInstanceOf(ButtonPressed.class);
    assertThat(api.awaitCalls("answerCallbackQuery", 1)).hasSize(1);
  }

  @Test
  void aPressThatCouldNotBeStored_isNotAnswered_soTelegramDeliversItAgain() throws Exception {
    TelegramInbound down =
        inbound(
            e -> {
              throw new StoreUnavailableException("redis down", null);
            });
    Update press = update(api.updates().callbackQuery(ANN, botMessageToAnn(), "s1.calm"), 78);

    assertThatThrownBy(() -> down.accept(press)).isInstanceOf(StoreUnavailableException.class);
    TelegramInbound up = inbound(submitted::add);
    up.accept(press);

    assertThat(api.awaitCalls("answerCallbackQuery", 1)).hasSize(1);
    assertThat(api.count("answerCallbackQuery")).isEqualTo(1);
  }

  @Test
  void text_isSubmitted_andNothingIsSentBack() throws Exception {
    TelegramInbound inbound = inbound(submitted::add);

    inbound.accept(update(api.updates().privateText(ANN, "hello"), 79));
    inbound.accept(update(api.updates().editedMessage(ANN, 1, "hello!"), 80));

    assertThat(submitted).singleElement().isInstanceOf(TextMessage.class);
    assertThat(api.count("answerCallbackQuery")).isZero();
  }

  @Test
  void aGroupThatBecameASupergroup_keepsItsFirstIdForEverythingAfter() throws Exception {
    TelegramInbound inbound = inbound(submitted::add);
    FakeUser mod = FakeUser.of(7);
    ObjectNode migrateTo = api.updates().migrateToChatId(-4242, -1004242, mod);
    ObjectNode migrateFrom = api.updates().migrateFromChatId(-1004242, -4242, mod);

    inbound.accept(update(migrateTo, 81));
    inbound.accept(update(migrateFrom, 82)); // the same move, seen again: nothing changes
    inbound.accept(update(api.updates().groupCommand(-1004242, mod, "help", ""), 83));

    assertThat(submitted)
        .singleElement()
        .satisfies(e -> assertThat(e.address().chatId()).isEqualTo("-4242"));
    assertThat(migrations.sendId("telegram", "-4242")).isEqualTo("-1004242");
  }

  @Test
  void aMoveThatCouldNotBeStored_failsTheUpdate_soItComesAgain() throws Exception {
    TelegramInbound inbound =
        new TelegramInbound(
            new UpdateMapper(api.botUsername(), migrations),
            submitted::add,
            client,
            new ChatMigrations() {
              @Override
              public void moved(String platform, String from, String to) {
                throw new StoreUnavailableException("redis down", null);
              }

              @Override
              public String stateId(String platform, String chatId) {
                return chatId;
              }

              @Override
              public String sendId(String platform, String stateId) {
                return stateId;
              }
            });

    assertThatThrownBy(
            () ->
                inbound.accept(
                    update(api.updates().migrateToChatId(-4242, -1004242, FakeUser.of(7)), 84)))
        .isInstanceOf(StoreUnavailableException.class);
  }
}
