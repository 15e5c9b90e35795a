package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evenkeel.core.model.ConversationAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisKeysTest {

  private final RedisKeys keys = RedisKeys.withDefaultPrefix();
  private final ConversationAddress address = new ConversationAddress("telegram", "-100", "42");

  @Test
  void aMembersKeys_allShareOneHashTag() {
    String tag = "{m:telegram:42}";

    assertThat(keys.profile(address.member())).isEqualTo("ek:" + tag + ":profile");
    assertThat(keys.session(address)).isEqualTo("ek:" + tag + ":sess:-100");
    for (String key :
        new String[] {
          keys.journal(address.member()),
          keys.sessions(address.member()),
          keys.records(address.member()),
          keys.processed(address.member())
        }) {
      assertThat(hashTagOf(key)).isEqualTo("m:telegram:42");
    }
  }

  @Test
  void aConversationsMailboxAndLease_carryItsMembersHashTag() {
    assertThat(keys.mail(address)).isEqualTo("ek:{m:telegram:42}:mail:-100");
    assertThat(keys.lease(address)).isEqualTo("ek:{m:telegram:42}:lease:-100");
    assertThat(keys.mailWaiting()).isEqualTo("ek:{mail}");
    assertThat(new RedisKeys("bot2").mail(address)).startsWith("bot2:{m:telegram:42}:");
  }

  @Test
  void conversationKeys_splitBackIntoTheirAddress() {
    assertThat(RedisMailbox.addressOf(address.key())).isEqualTo(address);
    assertThatThrownBy(() -> RedisMailbox.addressOf("telegram:42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'telegram:42'");
  }

  @Test
  void theDueQueuesTwoSets_shareOneHashTag() {
    assertThat(hashTagOf(keys.due())).isEqualTo("due");
    assertThat(hashTagOf(keys.dueClaimed())).isEqualTo("due");
  }

  @Test
  void eventClaims_areKeyedByAHashOfTheId() {
    assertThat(keys.eventClaim("telegram:1")).isEqualTo(keys.eventClaim("telegram:1"));
    assertThat(keys.eventClaim("telegram:1")).isNotEqualTo(keys.eventClaim("telegram:2"));
    assertThat(keys.eventClaim("timer:telegram:42:42:checkin:1")).doesNotContain("42");
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
