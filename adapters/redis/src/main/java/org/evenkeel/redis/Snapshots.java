package org.evenkeel.redis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/** Reads the reply of {@code snapshot.lua}'s {@code snapshot} function. */
final class Snapshots {

  private Snapshots() {}

  /** The snapshot of {@code address} in {@code reply}. */
  static MemberSnapshot decode(ConversationAddress address, List<?> reply, JournalCipher cipher) {
    MemberId member = address.member();
    Optional<Profile> profile = profile(member, reply.get(0));
    Session session =
        reply.get(1) == null
            ? Session.fresh(address)
            : SessionCodec.decode(
                address, Long.parseLong((String) reply.get(1)), (String) reply.get(2));
    return new MemberSnapshot(
        profile.orElseGet(() -> Profile.newMember(member, Instant.EPOCH)),
        session,
        journal(reply.get(5), cipher, member),
        profile.isPresent(),
        Optional.ofNullable((String) reply.get(3)),
        reply.get(4) == null ? List.of() : EffectCodec.decode((String) reply.get(4)),
        CounterCodec.fromHash((List<?>) reply.get(6)),
        // The stored text itself: commit.lua compares it, so any change, by any writer, shows.
        reply.get(0) == null ? "" : (String) reply.get(0));
  }

  static Optional<Profile> profile(MemberId member, Object json) {
    return Optional.ofNullable((String) json).map(text -> ProfileCodec.decode(member, text));
  }

  static List<JournalEntry> journal(Object entries, JournalCipher cipher, MemberId member) {
    return ((List<?>) entries)
        .stream().map(e -> JournalCodec.decode((String) e, cipher, member.key())).toList();
  }
}
