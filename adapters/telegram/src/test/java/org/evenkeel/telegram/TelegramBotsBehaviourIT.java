package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.exceptions.TelegramApiErrorResponseException;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * How TelegramBots 10.2 behaves where the adapter has to work around it, pinned so an upgrade that
 * changes any of it shows up here first.
 */
class TelegramBotsBehaviourIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final OkHttpTelegramClient client =
      new OkHttpTelegramClient(api.token(), api.telegramUrl());
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
  void isCommand_isFalse_untilGetEntitiesHasBeenCalled() throws TelegramApiException {
    List<Update> received = startPolling();
    api.enqueue(api.updates().privateText(ANN, "/start now"));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    Message message = received.get(0).getMessage();

    // getCommand() reads the entities' text, which only getEntities() computes.
    assertThat(message.isCommand()).isFalse();
    message.getEntities();
    assertThat(message.getCommand()).isEqualTo("/start");
  }

  @Test
  void anUpdateOfATypeTheLibraryDoesNotKnow_arrivesEmpty_andPollingGoesOn()
      throws TelegramApiException {
    List<Update> received = startPolling();

    api.enqueueRaw("{\"some_future_update\":{\"id\":1}}");
    api.enqueue(api.updates().privateText(ANN, "after"));

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
    assertThat(received.get(0).hasMessage()).isFalse();
    assertThat(received.get(0).hasCallbackQuery()).isFalse();
    assertThat(received.get(1).getMessage().getText()).isEqualTo("after");
  }

  @Test
  void aConsumerThatThrows_endsPollingForGood_whileTheSessionStillSaysItIsRunning()
      throws TelegramApiException {
    List<Update> received = new CopyOnWriteArrayList<>();
    BotSession session =
        polling.registerBot(
            api.token(),
            api::telegramUrl,
            new DefaultGetUpdatesGenerator(),
            updates -> {
              received.addAll(updates);
              throw new IllegalStateException("a bug in the consumer");
            });

    api.enqueue(api.updates().privateText(ANN, "one"));
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    int pollsAfterTheFailure = api.count("getUpdates");
    api.enqueue(api.updates().privateText(ANN, "two"));

    // scheduleAtFixedRate stops a task that throws; only TelegramApiException is caught.
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(received).hasSize(1);
    assertThat(api.count("getUpdates")).isEqualTo(pollsAfterTheFailure);
    assertThat(session.isRunning()).isTrue();
  }

  @Test
  void registerBot_withAWrongToken_failsOnDeleteWebhook_withoutAnErrorCodeToRead() {
    assertThatThrownBy(
            () ->
                polling.registerBot(
                    "1234567890:wrong-token",
                    api::telegramUrl,
                    new DefaultGetUpdatesGenerator(),
                    updates -> {}))
        .isInstanceOf(TelegramApiErrorResponseException.class)
        .hasToString(
            "401: " + TelegramApiErrorResponseException.class.getName() + ": Unauthorized");
    assertThat(api.calls())
        .singleElement()
        .satisfies(c -> assertThat(c.method()).isEqualTo("deleteWebhook"));
  }

  @Test
  void aBadGatewayPage_isAnUnreadableResponse_notAnErrorCode() {
    api.failNext("sendMessage", 1, Failure.badGatewayPage());

    assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("Unable to deserialize response");
              assertThat(e.getErrorCode()).isZero();
            });
  }

  @Test
  void dropsThatStartOnAPooledConnection_areSentAgain_upToThreeAttempts()
      throws TelegramApiException {
    client.execute(SendMessage.builder().chatId(42L).text("opens the connection").build());
    api.failNext("sendMessage", 2, Failure.dropConnection());

    Message sent = client.execute(SendMessage.builder().chatId(42L).text("again").build());

    // The POST went out three times: had Telegram kept an earlier one, the member would see it
    // more than once (OkHttp's retryOnConnectionFailure is on by default).
    assertThat(sent.getText()).isEqualTo("again");
    assertThat(api.calls("sendMessage"))
        .extracting(c -> c.text())
        .containsExactly("opens the connection", "again", "again", "again");
  }

  @Test
  void aDropOnAFreshConnection_reachesTheCaller_asAPlainTelegramApiException() {
    api.failNext("sendMessage", 1, Failure.dropConnection());

    assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("x").build()))
        .isInstanceOf(TelegramApiException.class)
        .isNotInstanceOf(TelegramApiRequestException.class)
        .hasMessage("Unable to execute sendmessage method");
    assertThat(api.count("sendMessage")).isEqualTo(1);
  }

  private List<Update> startPolling() throws TelegramApiException {
    List<Update> received = new CopyOnWriteArrayList<>();
    polling.registerBot(
        api.token(), api::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);
    return received;
  }
}
