package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.evenkeel.telegram.fake.UploadedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The real TelegramBots 10.2 client and long-polling application against the fake Bot API: the fake
 * must be faithful enough for the library, and the library must be reachable at 127.0.0.1.
 */
class TelegramBotsAgainstFakeIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final OkHttpTelegramClient client =
      new OkHttpTelegramClient(api.token(), api.telegramUrl());
  // TelegramBots never shuts the executor of a bot session down; the test owns it instead.
  private final ScheduledExecutorService pollingThread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "long-polling");
            thread.setDaemon(true);
            return thread;
          });
  private final TelegramBotsLongPollingApplication polling =
      new TelegramBotsLongPollingApplication(
          ObjectMapper::new,
          new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(),
          () -> pollingThread);

  @AfterEach
  void close() throws Exception {
    polling.close();
    api.close();
    pollingThread.shutdownNow();
  }

  @Test
  void theClient_sendsAPlainAndAnHtmlMessage_andTheFakeRecordsBoth() throws TelegramApiException {
    Message plain = client.execute(SendMessage.builder().chatId(42L).text("Hello").build());
    Message html =
        client.execute(
            SendMessage.builder()
                .chatId(42L)
                .text("<b>Well done</b> &amp; welcome")
                .parseMode(ParseMode.HTML)
                .build());

    assertThat(plain.getText()).isEqualTo("Hello");
    assertThat(plain.getChatId()).isEqualTo(42L);
    assertThat(html.getMessageId()).isEqualTo(plain.getMessageId() + 1);
    assertThat(html.getText()).isEqualTo("Well done & welcome");
    List<RecordedCall> calls = api.awaitCalls("sendMessage", 2);
    assertThat(calls)
        .extracting(RecordedCall::text)
        .containsExactly("Hello", "<b>Well done</b> &amp; welcome");
    assertThat(calls.get(1).param("parse_mode")).contains("html");
    assertThat(calls.get(0).chatId()).isEqualTo("42");
  }

  @Test
  void aWrongToken_isA401_asTelegramApiRequestException() {
    OkHttpTelegramClient wrong =
        new OkHttpTelegramClient("1234567890:wrong-token", api.telegramUrl());

    assertThatThrownBy(() -> wrong.execute(new GetMe()))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(401);
              assertThat(e.getApiResponse()).isEqualTo("Unauthorized");
            });
  }

  @Test
  void aFloodWait_reachesTheCaller_withRetryAfter() {
    api.failNext("sendMessage", 1, Failure.tooManyRequests(5));

    assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(5);
            });
  }

  @Test
  void htmlTheServerCannotParse_isA400_asTelegramApiRequestException() {
    SendMessage broken =
        SendMessage.builder().chatId(42L).text("Tom & Jerry <3").parseMode(ParseMode.HTML).build();

    assertThatThrownBy(() -> client.execute(broken))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(400);
              assertThat(e.getApiResponse()).startsWith("Bad Request: can't parse entities: ");
            });
  }

  @Test
  void aDocument_isUploadedAsMultipart_withItsNameAndProtection() throws TelegramApiException {
    byte[] export = "{\"journal\":[]}".getBytes(StandardCharsets.UTF_8);

    Message sent =
        client.execute(
            SendDocument.builder()
                .chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(export), "evenkeel-export.json"))
                .caption("Your data")
                .protectContent(true)
                .build());

    RecordedCall call = api.awaitCalls("sendDocument", 1).get(0);
    assertThat(call.param("document")).contains("attach://evenkeel-export.json");
    UploadedFile file = call.parameters().file("evenkeel-export.json").orElseThrow();
    assertThat(file.bytes()).isEqualTo(export);
    assertThat(call.param("caption")).contains("Your data");
    assertThat(call.param("protect_content")).contains("true");
    assertThat(sent.getDocument().getFileName()).isEqualTo("evenkeel-export.json");
    assertThat(sent.getHasProtectedContent()).isTrue();
  }

  @Test
  void longPolling_deliversUpdatesInOrder_andConfirmsThemWithTheNextOffset() throws Exception {
    List<Update> received = new CopyOnWriteArrayList<>();
    polling.registerBot(
        api.token(), api::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);

    api.enqueue(api.updates().privateText(ANN, "/start"));
    api.enqueue(api.updates().callbackQuery(ANN, 1, "grounding"));
    int last = api.blockBot(ANN);

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
    assertThat(received).extracting(Update::getUpdateId).isSorted().doesNotHaveDuplicates();
    assertThat(received.get(0).getMessage().getText()).isEqualTo("/start");
    assertThat(received.get(0).getMessage().getEntities())
        .singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("bot_command"));
    assertThat(received.get(1).getCallbackQuery().getData()).isEqualTo("grounding");
    assertThat(received.get(2).getMyChatMember().getNewChatMember().getStatus())
        .isEqualTo("kicked");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.calls("getUpdates").stream().anyMatch(c -> offset(c) == last + 1L));
    assertThat(api.pendingUpdates()).isZero();
    assertThat(api.calls().get(0).method()).isEqualTo("deleteWebhook");
  }

  @Test
  void anIdleBot_isHeldByTheFake_notAnsweredInATightLoop() throws TelegramApiException {
    BotSession session =
        polling.registerBot(
            api.token(),
            api::telegramUrl,
            offset -> GetUpdates.builder().offset(offset + 1).limit(100).timeout(1).build(),
            updates -> {});

    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);

    assertThat(session.isRunning()).isTrue();
    assertThat(api.count("getUpdates")).isBetween(1, 19);
  }

  private static long offset(RecordedCall call) {
    return call.parameters().number("offset").orElse(-1L);
  }
}
