package org.evenkeel.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-member jitter: stable, within its window, different per member, evenly spread. */
class JitterTest {

  @Test
  void theOffset_isPinned_soThatNoReleaseMovesEveryMembersCheckin() {
    // Computed once from FNV-1a + fmix64; a change here moves every member's check-in.
    assertThat(Jitter.DEFAULT.offsetFor("telegram:1001")).isEqualTo(Duration.ofSeconds(248));
    assertThat(Jitter.DEFAULT.offsetFor("discord:42")).isEqualTo(Duration.ofSeconds(191));
  }

  @Test
  void theOffset_isTheSameOnEveryCall_andForEveryEqualJitter() {
    Jitter other = new Jitter(Duration.ofMinutes(5));

    for (int i = 0; i < 100; i++) {
      String member = "telegram:" + i;
      assertThat(other.offsetFor(new String(member.toCharArray())))
          .isEqualTo(Jitter.DEFAULT.offsetFor(member));
    }
  }

  @Test
  void offsets_areWholeSeconds_fromZero_belowTheMaximum() {
    Jitter minute = new Jitter(Duration.ofMinutes(1));

    IntStream.range(0, 10_000)
        .mapToObj(i -> minute.offsetFor("member-" + i))
        .forEach(
            offset -> {
              assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO);
              assertThat(offset).isLessThan(Duration.ofMinutes(1));
              assertThat(offset.getNano()).isZero();
            });
  }

  @Test
  void tenThousandMembers_fillEverySecondOfTheWindow_withoutPilingUp() {
    int[] perSecond = new int[300];
    for (int i = 0; i < 10_000; i++) {
      perSecond[(int) Jitter.DEFAULT.offsetFor("telegram:" + i).getSeconds()]++;
    }

    // About 33 each; a fair die over 300 faces stays within these bounds.
    assertThat(IntStream.of(perSecond).min().getAsInt()).isGreaterThanOrEqualTo(10);
    assertThat(IntStream.of(perSecond).max().getAsInt()).isLessThanOrEqualTo(60);
  }

  @Test
  void differentMembers_getDifferentOffsets() {
    Set<Duration> offsets = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      offsets.add(Jitter.DEFAULT.offsetFor("discord:" + i));
    }

    assertThat(offsets).hasSizeGreaterThan(250);
  }

  @Test
  void keysWithTheSameStringHashCode_getDifferentOffsets() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode());

    assertThat(Jitter.DEFAULT.offsetFor("Aa")).isNotEqualTo(Jitter.DEFAULT.offsetFor("BB"));
    assertThat(Jitter.DEFAULT.offsetFor("AaAa")).isNotEqualTo(Jitter.DEFAULT.offsetFor("BBBB"));
  }

  @Test
  void noJitter_meansAnOffsetOfZero() {
    assertThat(new Jitter(Duration.ZERO).offsetFor("telegram:1001")).isZero();
  }

  @Test
  void theMaximum_mustBeWholeSecondsUpToAnHour() {
    assertThatThrownBy(() -> new Jitter(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max jitter must be whole seconds but was PT1.5S");
    assertThatThrownBy(() -> new Jitter(Duration.ofMinutes(61)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max jitter must be between 0 and PT1H but was PT1H1M");
    assertThatThrownBy(() -> new Jitter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max jitter must be between 0 and PT1H but was PT-1S");
  }

  @Test
  void aBlankMemberKey_isRejected() {
    assertThatThrownBy(() -> Jitter.DEFAULT.offsetFor(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member key must not be blank");
  }
}
