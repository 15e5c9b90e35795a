package org.evenkeel.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.evenkeel.telegram.fake.RawBotApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's getUpdates: queueing, offsets, held polls, conflicts and allowed_updates. */
class FakeBotApiPollingIT {

  private static final FakeUser ANN = FakeUser.of(42);

  private final FakeBotApi api = FakeBotApi.start();
  private final RawBotApiClient client = new RawBotApiClient(api);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void queuedUpdates_comeInOrder_withIncreasingIds() {
    int first = api.enqueue(api.updates().privateText(ANN, "one"));
    int second = api.enqueue(api.updates().privateText(ANN, "two"));

    Answer answer = client.json("getUpdates", Map.of("timeout", 0));

    assertThat(second).isEqualTo(first + 1);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result())
        .extracting(u -> u.get("update_id").asInt())
        .containsExactly(first, second);
    assertThat(answer.result())
        .extracting(u -> u.at("/message/text").asText())
        .containsExactly("one", "two");
  }

  @Test
  void anOffset_confirmsAndDropsEverythingBelowIt() {
    int first = api.enqueue(api.updates().privateText(ANN, "one"));
    int second = api.enqueue(api.updates().privateText(ANN, "two"));

    Answer again = client.json("getUpdates", Map.of("offset", first, "timeout", 0));
    Answer afterConfirming = client.json("getUpdates", Map.of("offset", second, "timeout", 0));
    Answer withoutOffset = client.json("getUpdates", Map.of("timeout", 0));

    assertThat(ids(again)).containsExactly(first, second);
    assertThat(ids(afterConfirming)).containsExactly(second);
    assertThat(ids(withoutOffset)).containsExactly(second);
    assertThat(api.pendingUpdates()).isEqualTo(1);
  }

  @Test
  void aNegativeOffset_keepsOnlyTheLastUpdates() {
    api.enqueue(api.updates().privateText(ANN, "one"));
    api.enqueue(api.updates().privateText(ANN, "two"));
    int last = api.enqueue(api.updates().privateText(ANN, "three"));

    assertThat(ids(client.json("getUpdates", Map.of("offset", -1, "timeout", 0))))
        .containsExactly(last);
    assertThat(api.pendingUpdates()).isEqualTo(1);
  }

  @Test
  void limit_capsHowManyComeAtOnce() {
    for (int k = 0; k < 5; k++) {
      api.enqueue(api.updates().privateText(ANN, "m" + k));
    }

    assertThat(client.json("getUpdates", Map.of("limit", 2, "timeout", 0)).result()).hasSize(2);
  }

  @Test
  void anEmptyPoll_isHeldForItsTimeout() {
    long started = System.nanoTime();

    Answer answer = client.json("getUpdates", Map.of("timeout", 1));

    assertThat(answer.result()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
  }

  @Test
  void aHeldPoll_returnsAsSoonAsAnUpdateIsQueued() throws Exception {
    CompletableFuture<Answer> poll =
        CompletableFuture.supplyAsync(() -> client.json("getUpdates", Map.of("timeout", 60)));
    api.awaitCalls("getUpdates", 1);

    api.enqueue(api.updates().privateText(ANN, "hello"));

    Answer answer = poll.get(20, TimeUnit.SECONDS);
    assertThat(answer.result())
        .extracting(u -> u.at("/message/text").asText())
        .containsExactly("hello");
  }

  @Test
  void aSecondPoll_endsTheHeldOne_with409() throws Exception {
    CompletableFuture<Answer> first =
        CompletableFuture.supplyAsync(() -> client.json("getUpdates", Map.of("timeout", 60)));
    api.awaitCalls("getUpdates", 1);

    CompletableFuture<Answer> second =
        CompletableFuture.supplyAsync(() -> client.json("getUpdates", Map.of("timeout", 1)));

    Answer ended = first.get(20, TimeUnit.SECONDS);
    assertThat(ended.status()).isEqualTo(409);
    assertThat(ended.description())
        .isEqualTo(
            "Conflict: terminated by other getUpdates request; make sure that only one bot"
                + " instance is running");
    assertThat(second.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void whileAWebhookIsSet_getUpdatesIsAConflict_untilItIsDeleted() {
    client.json("setWebhook", Map.of("url", "https://bot.example.org/telegram"));

    Answer refused = client.json("getUpdates", Map.of("timeout", 0));
    client.json("deleteWebhook", Map.of());
    Answer allowed = client.json("getUpdates", Map.of("timeout", 0));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.description())
        .isEqualTo(
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to"
                + " delete the webhook first");
    assertThat(allowed.status()).isEqualTo(200);
  }

  @Test
  void deleteWebhook_dropsPendingUpdates_onlyWhenAsked() {
    api.enqueue(api.updates().privateText(ANN, "kept"));
    client.json("deleteWebhook", Map.of());
    assertThat(api.pendingUpdates()).isEqualTo(1);

    client.json("deleteWebhook", Map.of("drop_pending_updates", true));
    assertThat(api.pendingUpdates()).isZero();
  }

  @Test
  void allowedUpdates_dropsOtherTypes_andAnEmptyListMeansTheDefaults() {
    api.enqueue(api.updates().privateText(ANN, "text"));
    int press = api.enqueue(api.updates().callbackQuery(ANN, 1, "go"));
    api.enqueue(api.updates().privateText(ANN, "text"));
    api.enqueueRaw("{\"chat_member\":{}}");

    Answer onlyPresses =
        client.json(
            "getUpdates", Map.of("timeout", 0, "allowed_updates", List.of("callback_query")));
    client.json("getUpdates", Map.of("offset", press + 1, "timeout", 0));
    api.enqueue(api.updates().privateText(ANN, "later"));
    Answer defaults = client.json("getUpdates", Map.of("timeout", 0, "allowed_updates", List.of()));

    assertThat(ids(onlyPresses)).containsExactly(press);
    assertThat(defaults.result())
        .extracting(u -> u.at("/message/text").asText())
        .containsExactly("later");
  }

  @Test
  void rawUpdates_keepTheirId_andLaterOnesContinueAfterIt() {
    int raw = api.enqueueRaw("{\"update_id\":500000000,\"some_future_update\":{\"x\":1}}");
    int next = api.enqueue(api.updates().privateText(ANN, "after"));

    Answer answer = client.json("getUpdates", Map.of("timeout", 0));

    assertThat(raw).isEqualTo(500_000_000);
    assertThat(next).isEqualTo(500_000_001);
    assertThat(answer.result().get(0).has("some_future_update")).isTrue();
  }

  @Test
  void parameters_mayComeInTheQueryString() {
    api.enqueue(api.updates().privateText(ANN, "one"));
    int second = api.enqueue(api.updates().privateText(ANN, "two"));

    assertThat(ids(client.get("getUpdates?offset=" + second + "&timeout=0")))
        .containsExactly(second);
  }

  @Test
  void closing_releasesAHeldPoll() throws Exception {
    CompletableFuture<Answer> poll =
        CompletableFuture.supplyAsync(() -> client.json("getUpdates", Map.of("timeout", 60)));
    api.awaitCalls("getUpdates", 1);

    api.close();

    // Answered with what there is, or cut off with the connection: either way, not left hanging.
    assertThat(poll.handle((answer, failure) -> "ended")).succeedsWithin(Duration.ofSeconds(20));
  }

  private static List<Integer> ids(Answer answer) {
    return answer.result().findValues("update_id").stream().map(JsonNode::asInt).toList();
  }
}
