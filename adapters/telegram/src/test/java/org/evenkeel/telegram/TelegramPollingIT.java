package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenkeel.core.port.StoreUnavailableException;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Long polling with the real TelegramBots library against the fake Bot API. */
class TelegramPollingIT {

  private static final FakeUser ANN = FakeUser.of(42);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final FakeBotApi api = FakeBotApi.start();
  private final List<Integer> stored = new CopyOnWriteArrayList<>();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private TelegramPolling polling;

  @AfterEach
  void close() throws Exception {
    if (polling != null) {
      polling.close();
    }
    api.close();
  }

  private void start(UpdateSink sink) throws TelegramApiException {
    polling = new TelegramPolling(api.token(), api.telegramUrl(), sink, pauses::add);
    polling.start();
  }

  private static long offset(RecordedCall call) {
    return call.parameters().number("offset").orElse(-1L);
  }

  @Test
  void updates_reachTheSinkInOrder_andAreConfirmedAfterwards() throws Exception {
    start(update -> stored.add(update.getUpdateId()));
    int first = (int) api.enqueue(api.updates().privateText(ANN, "one"));
    api.enqueue(api.updates().privateText(ANN, "two"));
    int last = (int) api.enqueue(api.updates().privateText(ANN, "three"));

    await().atMost(WAIT).until(() -> stored.size() == 3);
    assertThat(stored).containsExactly(first, first + 1, last);
    await()
        .atMost(WAIT)
        .until(() -> api.calls("getUpdates").stream().anyMatch(c -> offset(c) == last + 1L));
    assertThat(api.calls("deleteWebhook")).as("a webhook left over is removed").isNotEmpty();
    assertThat(api.calls("getUpdates").get(0).param("allowed_updates"))
        .hasValueSatisfying(v -> assertThat(v).contains("callback_query", "my_chat_member"));
  }

  @Test
  void whileTheStoreIsDown_theUpdateIsRetried_andNeitherItNorALaterOneIsConfirmed()
      throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(3);
    List<Long> offsetsSeenWhileFailing = new CopyOnWriteArrayList<>();
    start(
        update -> {
          if (update.getUpdateId() % 2 == 0 && failuresLeft.getAndDecrement() > 0) {
            api.calls("getUpdates").forEach(c -> offsetsSeenWhileFailing.add(offset(c)));
            throw new StoreUnavailableException("redis down", null);
          }
          stored.add(update.getUpdateId());
        });
    int a = (int) api.enqueue(api.updates().privateText(ANN, "a"));
    int b = (int) api.enqueue(api.updates().privateText(ANN, "b"));
    int c = (int) api.enqueue(api.updates().privateText(ANN, "c"));
    int failing = a % 2 == 0 ? a : b;

    await().atMost(WAIT).until(() -> stored.size() == 3);

    assertThat(stored).containsExactly(a, b, c);
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(offsetsSeenWhileFailing).allMatch(o -> o <= failing);
  }

  @Test
  void anUpdateThatCannotBeRead_isSkipped_andPollingGoesOn() throws Exception {
    start(
        update -> {
          if (update.getMessage().getText().equals("poison")) {
            throw new IllegalStateException("a bug, not the member's fault");
          }
          stored.add(update.getUpdateId());
        });
    api.enqueue(api.updates().privateText(ANN, "poison"));
    int after = (int) api.enqueue(api.updates().privateText(ANN, "fine"));

    await().atMost(WAIT).until(() -> stored.contains(after));
    assertThat(stored).containsExactly(after);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anUpdateTheLibraryCannotRead_reachesTheSinkEmpty_andPollingGoesOn() throws Exception {
    List<Update> received = new CopyOnWriteArrayList<>();
    start(received::add);
    // A field of another type than TelegramBots expects, as a newer Bot API might send.
    ObjectNode unreadable = api.updates().privateText(ANN, "poison");
    ((ObjectNode) unreadable.get("message")).put("date", "yesterday");
    int poison = api.enqueue(unreadable);
    int after = api.enqueue(api.updates().privateText(ANN, "fine"));

    await().atMost(WAIT).until(() -> received.size() == 2);
    assertThat(received).extracting(Update::getUpdateId).containsExactly(poison, after);
    assertThat(received.get(0).hasMessage()).isFalse();
    assertThat(received.get(1).getMessage().getText()).isEqualTo("fine");
    await()
        .atMost(WAIT)
        .until(() -> api.calls("getUpdates").stream().anyMatch(c -> offset(c) == after + 1L));
  }

  @Test
  void aWrongToken_failsTheStart() {
    polling =
        new TelegramPolling(
            "1234567890:not-the-token",
            api.telegramUrl(),
            (Update u) -> stored.add(1),
            pauses::add);

    assertThatThrownBy(() -> polling.start()).isInstanceOf(TelegramApiException.class);
    assertThat(stored).isEmpty();
  }
}
