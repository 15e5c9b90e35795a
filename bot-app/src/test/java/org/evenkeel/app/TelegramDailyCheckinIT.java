package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.TestRedis;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.evenkeel.telegram.fake.FakeUser;
import org.evenkeel.telegram.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily check-in as the "done when" puts it, on the real clock: a member on Telegram
 * sets a time zone and a time, and at that local time the whole bot (Redis, timer pump, proactive
 * lane, TelegramBots) asks how they are, once; the next one is set for the same time tomorrow.
 * Jitter is configured to 0 so the minute is exact; the test waits for the next minute or two.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramDailyCheckinIT {

  private static final FakeUser ANN = FakeUser.of(4_200_042);
  private static final String QUESTION = "How are you feeling right now, from 1 to 5?";

  private final FakeBotApi api = FakeBotApi.start();
  private final RedisStore store;
  private final RunningBot bot;

  TelegramDailyCheckinIT(TestRedis redis) {
    this.store = new RedisStore(redis.client());
    this.bot =
        RunningBot.start(
            api, Map.of(Launcher.REDIS_URL, redis.url(), "EVENKEEL_CHECKINS_JITTER", "0s"));
  }

  @AfterEach
  void close() throws Exception {
    bot.close();
    api.close();
  }

  @Test
  void aMemberWhoSetsZoneAndTime_isAskedOnceAtThatLocalTime_andTomorrowsIsSet() throws Exception {
    MemberChat chat = MemberChat.privateChat(api, ANN);
    Instant now = Instant.now();
    // The next whole minute with at least 20 s to spare for the settings turns.
    Instant slot = now.plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    LocalTime at = LocalTime.ofInstant(slot, ZoneOffset.UTC);

    chat.send("/settings zone UTC");
    chat.awaitMessages(3); // welcome, "It's … for you right now", "Updated"
    chat.send("/settings time other " + at.format(DateTimeFormatter.ofPattern("HH:mm")));
    chat.awaitMessages(4);

    List<RecordedCall> asked =
        api.awaitCalls(
            "sendMessage",
            1,
            call -> call.succeeded() && MemberChat.visibleText(call).equals(QUESTION),
            Duration.ofMinutes(3));
    Instant arrived = Instant.now();

    assertThat(asked).hasSize(1);
    assertThat(arrived).isAfterOrEqualTo(slot);
    assertThat(Duration.between(slot, arrived)).isLessThan(Duration.ofSeconds(30));
    var profile = store.load(chat.address()).profile();
    assertThat(profile.lastCheckin()).contains(LocalDate.ofInstant(slot, ZoneOffset.UTC));
    List<DueTimer> next =
        store.export(chat.address().member()).timers().stream()
            .filter(t -> t.name().equals("checkin.daily"))
            .toList();
    assertThat(next)
        .singleElement()
        .satisfies(t -> assertThat(t.dueAt()).isEqualTo(slot.plus(Duration.ofDays(1))));

    chat.tap("4");
    chat.awaitMessages(6);
    Thread.sleep(2_000); // the pumps keep ticking: nothing more comes for this minute
    assertThat(
            api.calls("sendMessage").stream()
                .filter(c -> c.succeeded())
                .map(MemberChat::visibleText))
        .filteredOn(QUESTION::equals)
        .hasSize(1);
  }
}
