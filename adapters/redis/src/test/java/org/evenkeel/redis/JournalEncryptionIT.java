package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journal entries encrypted at rest in a real Redis: nothing a member wrote is readable in the
 * keyspace, the bot reads it back (snapshot and export), a rotated ring reads old entries and
 * writes with the new key, and entries from before encryption stay readable.
 */
@ExtendWith(RedisServerExtension.class)
class JournalEncryptionIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String A = "a:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String B =
      "b:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private final TestRedis redis;
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");

  JournalEncryptionIT(TestRedis redis) {
    this.redis = redis;
  }

  private RedisStore store(String ring) {
    RedisStoreSettings settings = RedisStoreSettings.defaults();
    if (ring != null) {
      settings = settings.withJournalCipher(JournalCipher.parse(ring));
    }
    return new RedisStore(redis.client(), settings);
  }

  private void write(RedisStore store, String eventId, JournalEntry entry) {
    Session session = store.load(alice).session();
    assertThat(
            store.commit(
                new TurnCommit(
                    eventId,
                    session,
                    Profile.newMember(alice.member(), T0),
                    List.of(entry),
                    List.of())))
        .isTrue();
  }

  @Test
  void nothingWrittenIsReadableInRedis_yetTheBotReadsItBack() {
    RedisStore store = store(A);
    write(store, "e1", JournalEntry.gratitude(T0, "the quiet harbour walk"));
    write(store, "e2", JournalEntry.mood(T0, 2, "argued with Dana"));

    for (String key : redis.allKeys()) {
      assertThat(redis.contents(key)).as(key).doesNotContain("harbour").doesNotContain("Dana");
    }
    assertThat(redis.client().lrange(RedisKeys.withDefaultPrefix().journal(alice.member()), 0, -1))
        .hasSize(2)
        .allSatisfy(stored -> assertThat(stored).startsWith("~a:"));
    assertThat(store.load(alice).recentJournal())
        .extracting(JournalEntry::text)
        .containsExactly("the quiet harbour walk", "argued with Dana");
    assertThat(store.export(alice.member()).journal().get(1).mood()).contains(2);
  }

  @Test
  void rotation_readsOldEntries_writesNewOnesWithTheNewKey_andAMissingKeyIsNamed() {
    write(store(null), "e0", JournalEntry.note(T0, "before encryption"));
    write(store(A), "e1", JournalEntry.note(T0, "under a"));
    RedisStore rotated = store(B + "," + A);

    write(rotated, "e2", JournalEntry.note(T0, "under b"));

    assertThat(rotated.load(alice).recentJournal())
        .extracting(JournalEntry::text)
        .containsExactly("before encryption", "under a", "under b");
    assertThat(redis.client().lindex(RedisKeys.withDefaultPrefix().journal(alice.member()), 2))
        .startsWith("~b:");
    assertThatThrownBy(() -> store(B).load(alice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 'a'");
  }
}
