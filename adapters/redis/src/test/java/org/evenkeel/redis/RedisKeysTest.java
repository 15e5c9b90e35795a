package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisKeysTest {

  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private final ConversationAddress address = new ConversationAddress("telegram", "-100", "42");

  @Test
  void aMembersKeys_carryItsPartitionsHashTag_andItsIdentityAfterIt() {
    String tag = "{p53}"; // CRC-32 of "telegram:42" is 252374645, and 252374645 % 64 = 53

    assertThat(keys.partition(address.member())).isEqualTo(53);
    assertThat(keys.profile(address.member())).isEqualTo("ek:" + tag + ":m:telegram:42:profile");
    assertThat(keys.session(address)).isEqualTo("ek:" + tag + ":m:telegram:42:sess:-100");
    for (String key :
        new String[] {
          keys.journal(address.member()),
          keys.sessions(address.member()),
          keys.records(address.member()),
          keys.processed(address.member())
        }) {
      assertThat(hashTagOf(key)).isEqualTo("p53");
      assertThat(key).startsWith(keys.memberPrefix(53) + "telegram:42:");
    }
  }

  @Test
  void aConversationsMailboxLeaseAndClaims_carryItsMembersPartitionTag() {
    assertThat(keys.mail(address)).isEqualTo("ek:{p53}:m:telegram:42:mail:-100");
    assertThat(keys.lease(address)).isEqualTo("ek:{p53}:m:telegram:42:lease:-100");
    assertThat(keys.mailWaiting(address.member())).isEqualTo("ek:{p53}:mail");
    assertThat(keys.eventClaim(address.member(), "telegram:1")).startsWith("ek:{p53}:claim:");
    assertThat(new RedisKeys("bot2").mail(address)).startsWith("bot2:{p53}:m:telegram:42:");
  }

  @Test
  void theSnapshotKeys_areWhatSnapshotLuaReads_inItsOrder() {
    assertThat(keys.snapshot(address))
        .containsExactly(
            "ek:{p53}:m:telegram:42:profile",
            "ek:{p53}:m:telegram:42:sess:-100",
            "ek:{p53}:m:telegram:42:journal",
            "ek:{p53}:m:telegram:42:records");
  }

  @Test
  void conversationKeys_splitBackIntoTheirAddress() {
    assertThat(RedisMailbox.addressOf(address.key())).isEqualTo(address);
    assertThatThrownBy(() -> RedisMailbox.addressOf("telegram:42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'telegram:42'");
  }

  @Test
  void aPartitionsDueQueuePair_sharesItsHashTag() {
    assertThat(keys.due(17)).isEqualTo("ek:{p17}:due");
    assertThat(keys.dueClaimed(17)).isEqualTo("ek:{p17}:due:claimed");
    assertThat(keys.due(address.member())).isEqualTo(keys.due(53));
    assertThat(keys.dueClaimed(address.member())).isEqualTo(keys.dueClaimed(53));
    assertThatThrownBy(() -> keys.due(64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 63 but was 64");
  }

  @Test
  void members_spreadEvenlyOverThePartitions() {
    int[] members = new int[RedisKeys.DEFAULT_PARTITIONS];
    for (int i = 0; i < 64_000; i++) {
      members[keys.partition(new MemberId("telegram", Integer.toString(700_000_000 + i)))]++;
    }

    assertThat(IntStream.of(members).min().orElseThrow()).isGreaterThanOrEqualTo(850);
    assertThat(IntStream.of(members).max().orElseThrow()).isLessThanOrEqualTo(1150);
  }

  @Test
  void partitions_dependOnTheConfiguredCount() {
    RedisKeys eight = new RedisKeys("ek", 8);

    assertThat(eight.partitions()).isEqualTo(8);
    assertThat(eight.partition(address.member())).isEqualTo(5); // 252374645 % 8
    assertThat(new RedisKeys("ek", 1).profile(address.member()))
        .isEqualTo("ek:{p0}:m:telegram:42:profile");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, RedisKeys.MAX_PARTITIONS + 1})
  void partitionCounts_outsideOneToTheMaximum_areRefused(int partitions) {
    assertThatThrownBy(() -> new RedisKeys("ek", partitions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions must be between 1 and 1024 but was " + partitions)
        .hasMessageContaining("migration");
    assertThatThrownBy(() -> RedisStoreSettings.defaults().withPartitions(partitions))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settings_keepThePartitionCount_whenThePrefixChanges() {
    RedisStoreSettings settings = RedisStoreSettings.defaults().withPartitions(16);

    assertThat(settings.withPrefix("bot2").partitions()).isEqualTo(16);
    assertThat(RedisStoreSettings.defaults().partitions()).isEqualTo(64);
  }

  @Test
  void eventClaims_areKeyedByAHashOfTheId() {
    assertThat(keys.eventClaim("telegram:1")).isEqualTo(keys.eventClaim("telegram:1"));
    assertThat(keys.eventClaim("telegram:1")).isNotEqualTo(keys.eventClaim("telegram:2"));
    assertThat(keys.eventClaim("timer:telegram:42:42:checkin:1")).doesNotContain("42");
    assertThat(keys.eventClaim(address.member(), "timer:telegram:42:42:checkin:1"))
        .isEqualTo("ek:{p53}" + keys.eventClaim("timer:telegram:42:42:checkin:1").substring(2));
  }

  @Test
  void rateBuckets_allShareOneHashTag_whateverTheirNames() {
    assertThat(keys.rateBucket("telegram:global")).isEqualTo("ek:{rate}:telegram:global");
    assertThat(hashTagOf(keys.rateBucket("telegram:chat:-100"))).isEqualTo("rate");
    assertThat(hashTagOf(keys.rateBucket("discord:route:POST/channels/{id}/messages")))
        .as("braces in a name come after the tag, which is the first")
        .isEqualTo("rate");
    assertThat(new RedisKeys("bot2").rateBucket("proactive:telegram"))
        .isEqualTo("bot2:{rate}:proactive:telegram");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "e k", "ek{1}", "ek}"})
  void prefixes_thatWouldBreakKeysOrHashTags_areRefused(String prefix) {
    assertThatThrownBy(() -> new RedisKeys(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
  }

  /** The part of a key that Redis Cluster hashes (cluster spec, "Hash tags"). */
  private static String hashTagOf(String key) {
    int open = key.indexOf('{');
    int close = key.indexOf('}', open + 1);
    return key.substring(open + 1, close);
  }
}
