package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM for journal entries: sealed, bound to the member, rotated, and errors without keys.
 */
class JournalCipherTest {

  private static final String A = Base64.getEncoder().encodeToString(bytes(32, 1));
  private static final String B = Base64.getEncoder().encodeToString(bytes(32, 2));
  private static final String ENTRY = "{\"k\":\"note\",\"a\":1,\"t\":\"my sister's wedding\"}";

  private static byte[] bytes(int length, int seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (seed * 31 + i);
    }
    return out;
  }

  @Test
  void sealed_carriesTheKeyId_hidesTheText_differsEachTime_andOpensForTheSameMember() {
    JournalCipher cipher = JournalCipher.parse("a:" + A);

    String once = cipher.seal(ENTRY, "telegram:42");
    String twice = cipher.seal(ENTRY, "telegram:42");

    assertThat(once).startsWith("~a:").doesNotContain("wedding");
    assertThat(once).isNotEqualTo(twice); // a fresh nonce every time
    assertThat(cipher.open(once, "telegram:42")).isEqualTo(ENTRY);
  }

  @Test
  void anotherMembersEntry_doesNotOpen() {
    JournalCipher cipher = JournalCipher.parse("a:" + A);
    String sealed = cipher.seal(ENTRY, "telegram:42");

    assertThatThrownBy(() -> cipher.open(sealed, "telegram:43"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("not this member's");
  }

  @Test
  void rotation_theNewKeySeals_theOldStillOpens_andWithoutItTheErrorNamesIt() {
    String old = JournalCipher.parse("a:" + A).seal(ENTRY, "m");
    JournalCipher rotated = JournalCipher.parse("b:" + B + ", a:" + A);

    assertThat(rotated.open(old, "m")).isEqualTo(ENTRY);
    assertThat(rotated.seal(ENTRY, "m")).startsWith("~b:");
    assertThatThrownBy(() -> JournalCipher.parse("b:" + B).open(old, "m"))
        .hasMessageContaining("key 'a', which is not in the key ring");
  }

  @Test
  void plainEntriesFromBeforeEncryption_readAsTheyAre_andNoneSealsNothing() {
    assertThat(JournalCipher.parse("a:" + A).open(ENTRY, "m")).isEqualTo(ENTRY);
    assertThat(JournalCipher.NONE.seal(ENTRY, "m")).isEqualTo(ENTRY);
    assertThat(JournalCipher.NONE.encrypts()).isFalse();
  }

  @Test
  void badRings_areRefusedNamingTheKeyNeverItsMaterial() {
    String short16 = Base64.getEncoder().encodeToString(bytes(16, 3));
    for (var bad :
        List.of(
            List.of("", "empty"),
            List.of("nokey", "must be written id:base64"),
            List.of("a:***", "'a' is not valid base64"),
            List.of("a:" + short16, "must be 32 bytes"),
            List.of("a:" + A + ",a:" + B, "appears twice"),
            List.of("bad id!:" + A, "key id"))) {
      assertThatThrownBy(() -> JournalCipher.parse(bad.get(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad.get(1))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(A).doesNotContain(short16));
    }
  }
}
