package org.evenkeel.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.port.RateLimits.Take;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rates, buckets and takes check themselves when made, with messages naming the value. */
class RateLimitsValuesTest {

  @Test
  void rate_spreadsItsRefillEvenlyOverThePeriod() {
    Rate group = Rate.perMinute(20);

    assertThat(group).isEqualTo(new Rate(20, 20, Duration.ofMinutes(1)));
    assertThat(group.interval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(group.fillTime()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void rate_withAnotherCapacity_keepsItsRefill() {
    Rate chat = Rate.perSecond(1).withCapacity(3);

    assertThat(chat).isEqualTo(new Rate(3, 1, Duration.ofSeconds(1)));
    assertThat(chat.fillTime()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void interval_isRoundedUpToAWholeMicrosecond() {
    assertThat(Rate.perSecond(30).intervalMicros()).isEqualTo(33_334);
    assertThat(Rate.perSecond(30).interval()).isEqualTo(Duration.ofNanos(33_334_000));
    assertThat(new Rate(1, 3, Duration.ofNanos(1)).intervalMicros()).as("never zero").isOne();
  }

  @Test
  void rate_ofAFillTimeOfExactlyADay_isAllowed_butNotAMicrosecondMore() {
    assertThat(new Rate(24, 1, Duration.ofHours(1)).fillTime()).isEqualTo(Rate.MAX_FILL_TIME);

    assertThatThrownBy(() -> new Rate(25, 1, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a bucket of capacity 25 refilled by 1 every PT1H takes more than PT24H to fill");
    assertThatThrownBy(() -> new Rate(1_000_000, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes more than PT24H to fill");
  }

  @Test
  void rate_withoutCapacityOrRefill_isRefused() {
    assertThatThrownBy(() -> new Rate(0, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate capacity must be at least 1 but was 0");
    assertThatThrownBy(() -> Rate.perSecond(1).withCapacity(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate capacity must be at least 1 but was -1");
    assertThatThrownBy(() -> new Rate(1, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate refill must be at least 1 token per period but was 0");
  }

  @Test
  void rate_periodMustBePositive_andAtMostADay() {
    assertThatThrownBy(() -> new Rate(1, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate period must not be null");
    assertThatThrownBy(() -> new Rate(1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate period must be positive and at most PT24H but was PT0S");
    assertThatThrownBy(() -> new Rate(1, 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was PT-1S");
    assertThatThrownBy(() -> new Rate(1, 1, Duration.ofDays(365_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was PT8760000H");
  }

  @Test
  void bucket_keepsItsNameAndRate() {
    Bucket bucket = new Bucket("discord:route:POST/channels/{id}/messages", Rate.perSecond(5));

    assertThat(bucket.name()).isEqualTo("discord:route:POST/channels/{id}/messages");
    assertThat(bucket.rate()).isEqualTo(Rate.perSecond(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "telegram:chat: 1", "telegram\tglobal", "a\u0007b"})
  void bucketName_thatIsBlankOrHoldsWhitespaceOrControls_isRefused(String name) {
    assertThatThrownBy(() -> new Bucket(name, Rate.perSecond(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bucket name must");
  }

  @Test
  void bucketName_ofMoreThanTheLongestLength_isRefused() {
    String longest = "b".repeat(Bucket.MAX_NAME_LENGTH);
    assertThat(new Bucket(longest, Rate.perSecond(1)).name()).hasSize(200);

    assertThatThrownBy(() -> new Bucket(longest + "b", Rate.perSecond(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket name must have 1 to 200 characters but had 201");
    assertThatThrownBy(() -> new Bucket(null, Rate.perSecond(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket name must not be null");
    assertThatThrownBy(() -> new Bucket("telegram:global", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate of bucket 'telegram:global' must not be null");
  }

  @Test
  void take_isGrantedWithoutAWait_orRefusedWithAPositiveOne() {
    assertThat(Take.GRANTED.retryAfter()).isZero();
    assertThat(Take.refused(Duration.ofMillis(5)).granted()).isFalse();

    assertThatThrownBy(() -> Take.refused(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not granted=false with retryAfter PT0S");
    assertThatThrownBy(() -> Take.refused(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Take(true, Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not granted=true with retryAfter PT0.005S");
  }
}
