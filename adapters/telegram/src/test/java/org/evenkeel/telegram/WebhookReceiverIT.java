package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.evenkeel.telegram.RecordingUpdateSink.Mode;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook receiver on 127.0.0.1, driven by the JDK's HTTP client as Telegram would drive it.
 */
class WebhookReceiverIT {

  private static final String PATH = "/telegram/Zq3f9LwX0b";

  private final RecordingUpdateSink sink = new RecordingUpdateSink();
  private final WebhookReceiver receiver =
      WebhookReceiver.start(
          WebhookSettings.of(
              "https://bot.example.org" + PATH, "127.0.0.1", 0, WebhookRequests.SECRET),
          sink);
  private final WebhookRequests telegram = new WebhookRequests(receiver.localUrl());

  @AfterEach
  void close() {
    sink.release();
    receiver.close();
  }

  @Test
  void aValidUpdate_isDelivered_andAnswered200WithNoBody() throws Exception {
    HttpResponse<String> response =
        telegram.post(WebhookRequests.privateText(100, 42, "hello there"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    Update update = sink.accepted().get(0);
    assertThat(sink.accepted()).hasSize(1);
    assertThat(update.getUpdateId()).isEqualTo(100);
    assertThat(update.getMessage().getText()).isEqualTo("hello there");
    assertThat(update.getMessage().getChatId()).isEqualTo(42L);
    assertThat(update.getMessage().getFrom().getFirstName()).isEqualTo("Ann");
    assertThat(update.getMessage().getChat().isUserChat()).isTrue();
  }

  @Test
  void fieldsNoLibraryKnows_areIgnored() throws Exception {
    String update =
        """
        {"update_id":7,"some_future_update":{"x":1},
         "message":{"message_id":1,"date":1760000000,"future_field":[1,2],
           "chat":{"id":42,"type":"private","new_chat_flag":true},"text":"hi"}}""";

    assertThat(telegram.post(update).statusCode()).isEqualTo(200);
    assertThat(sink.accepted())
        .singleElement()
        .satisfies(u -> assertThat(u.getUpdateId()).isEqualTo(7));
  }

  @Test
  void anUpdateShapedByTheFakeBotApi_isDelivered() throws Exception {
    String callback;
    try (FakeBotApi api = FakeBotApi.start()) {
      callback =
          api.updates()
              .callbackQuery(FakeUser.of(42), 5, "grounding")
              .put("update_id", 9)
              .toString();
    }

    assertThat(telegram.post(callback).statusCode()).isEqualTo(200);
    assertThat(sink.accepted().get(0).getCallbackQuery().getData()).isEqualTo("grounding");
  }

  @Test
  void aWrongSecret_is401_andNothingIsDelivered() throws Exception {
    HttpResponse<String> response =
        telegram.post(
            telegram.url(),
            WebhookRequests.privateText(1, 42, "hi"),
            Optional.of(WebhookRequests.SECRET + "x"),
            "application/json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void aMissingSecret_is401_andNothingIsDelivered() throws Exception {
    HttpResponse<String> response =
        telegram.post(
            telegram.url(),
            WebhookRequests.privateText(1, 42, "hi"),
            Optional.empty(),
            "application/json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void malformedJson_is400() throws Exception {
    assertThat(telegram.post("{\"update_id\":1,\"message\":{").statusCode()).isEqualTo(400);
    assertThat(telegram.post("[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(telegram.post("").statusCode()).isEqualTo(400);
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void jsonWithoutAnUpdateId_is400() throws Exception {
    assertThat(telegram.post("{\"message\":{\"text\":\"hi\"}}").statusCode()).isEqualTo(400);
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJson_is415() throws Exception {
    HttpResponse<String> response =
        telegram.post(
            telegram.url(),
            "update_id=1",
            Optional.of(WebhookRequests.SECRET),
            "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void jsonWithACharsetParameter_isAccepted() throws Exception {
    HttpResponse<String> response =
        telegram.post(
            telegram.url(),
            WebhookRequests.privateText(3, 42, "hi"),
            Optional.of(WebhookRequests.SECRET),
            "Application/JSON; charset=utf-8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sink.accepted()).hasSize(1);
  }

  @Test
  void aDeclaredBodyOverTheLimit_is413_beforeTheBodyIsEvenSent() throws Exception {
    // Only the head is sent: the answer can come only from the Content-Length.
    String status =
        telegram.raw(head("Content-Length: " + (WebhookEndpoint.MAX_BODY_BYTES + 1)), new byte[0]);

    assertThat(status).startsWith("HTTP/1.1 413");
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimit_is413() throws Exception {
    int size = WebhookEndpoint.MAX_BODY_BYTES + 1;
    byte[] chunked =
        (Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    String status = telegram.raw(head("Transfer-Encoding: chunked"), chunked);

    assertThat(status).startsWith("HTTP/1.1 413");
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void aChunkedBodyUnderTheLimit_isDelivered() throws Exception {
    assertThat(telegram.postChunked(WebhookRequests.privateText(4, 42, "chunks")).statusCode())
        .isEqualTo(200);
    assertThat(sink.accepted().get(0).getMessage().getText()).isEqualTo("chunks");
  }

  @Test
  void storeUnavailable_is503_andTheSameBodySucceedsOnceTheStoreIsBack() throws Exception {
    String update = WebhookRequests.privateText(55, 42, "are you there");
    sink.mode(Mode.STORE_UNAVAILABLE);

    assertThat(telegram.post(update).statusCode()).isEqualTo(503);
    assertThat(sink.accepted()).isEmpty();

    sink.mode(Mode.RECORD);
    assertThat(telegram.post(update).statusCode()).isEqualTo(200);
    assertThat(sink.accepted()).extracting(Update::getUpdateId).containsExactly(55);
  }

  @Test
  void anyOtherSinkFailure_is500() throws Exception {
    sink.mode(Mode.FAIL);

    assertThat(telegram.post(WebhookRequests.privateText(8, 42, "x")).statusCode()).isEqualTo(500);
  }

  @Test
  void get_is405_allowingPost() throws Exception {
    HttpResponse<String> response = telegram.get();

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void otherPaths_are404_evenWhenTheyStartWithTheRightOne() throws Exception {
    for (String path : List.of("/", "/telegram", PATH + "x", PATH + "/", PATH + "/more")) {
      URI other = telegram.url().resolve(path);
      HttpResponse<String> response =
          telegram.post(
              other,
              WebhookRequests.privateText(1, 42, "hi"),
              Optional.of(WebhookRequests.SECRET),
              "application/json");
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(sink.accepted()).isEmpty();
  }

  @Test
  void concurrentPosts_areAllDelivered_exactlyOnce() {
    List<CompletableFuture<HttpResponse<String>>> posts =
        IntStream.rangeClosed(1, 64)
            .mapToObj(id -> telegram.postAsync(WebhookRequests.privateText(id, id, "m" + id)))
            .toList();

    assertThat(posts).allSatisfy(post -> assertThat(post.join().statusCode()).isEqualTo(200));
    assertThat(sink.accepted())
        .extracting(Update::getUpdateId)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 64).boxed().toList());
  }

  @Test
  void close_waitsForARequestInFlight_thenRefusesConnections() throws Exception {
    sink.mode(Mode.BLOCK);
    CompletableFuture<HttpResponse<String>> inFlight =
        telegram.postAsync(WebhookRequests.privateText(77, 42, "slow"));
    sink.awaitBlockedCaller();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !closing.isDone());
    assertThat(inFlight).isNotDone();
    sink.release();
    closing.get(10, TimeUnit.SECONDS);
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(sink.accepted()).extracting(Update::getUpdateId).containsExactly(77);
    assertThatThrownBy(() -> new Socket("127.0.0.1", receiver.address().getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void whileClosing_newRequestsAre503_soTelegramSendsThemAgain() throws Exception {
    sink.mode(Mode.BLOCK);
    CompletableFuture<HttpResponse<String>> inFlight =
        telegram.postAsync(WebhookRequests.privateText(1, 42, "slow"));
    sink.awaitBlockedCaller();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);
    await().atMost(Duration.ofSeconds(5)).until(() -> drainStarted());

    HttpResponse<String> late =
        new WebhookRequests(telegram.url()).post(WebhookRequests.privateText(2, 42, "late"));

    assertThat(late.statusCode()).isEqualTo(503);
    sink.release();
    closing.get(10, TimeUnit.SECONDS);
    assertThat(inFlight.join().statusCode()).isEqualTo(200);
    assertThat(sink.accepted()).extracting(Update::getUpdateId).containsExactly(1);
  }

  /** True once close() has begun draining: a probe request is then answered 503 at once. */
  private boolean drainStarted() throws IOException, InterruptedException {
    return new WebhookRequests(telegram.url()).get().statusCode() == 503;
  }

  private String head(String lengthHeader) {
    return String.join(
        "\r\n",
        "POST " + PATH + " HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        WebhookEndpoint.SECRET_HEADER + ": " + WebhookRequests.SECRET,
        lengthHeader);
  }
}
