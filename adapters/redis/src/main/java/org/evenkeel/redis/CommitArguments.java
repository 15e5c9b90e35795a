package org.evenkeel.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.DeleteCounter;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.TurnCommit;

/** The keys and arguments of {@code commit.lua} for one turn; the script documents their order. */
record CommitArguments(List<String> keys, List<String> args) {

  static CommitArguments of(TurnCommit commit, RedisStoreSettings settings) {
    RedisKeys names = settings.keys();
    ConversationAddress address = commit.session().address();
    MemberId member = address.member();
    List<String> keys =
        List.of(
            names.session(address),
            names.profile(member),
            names.journal(member),
            names.sessions(member),
            names.records(member),
            names.processed(member),
            names.due(member),
            names.dueClaimed(member));
    List<String> args = new ArrayList<>();
    args.add(Long.toString(commit.session().version()));
    args.add(SessionCodec.encode(commit.session()));
    args.add(ProfileCodec.encode(commit.profile()));
    args.add(Long.toString(settings.sessionTtl().toMillis()));
    args.add(Long.toString(settings.processedEventTtl().toMillis()));
    args.add(member.key());
    args.add(address.chatId());
    args.add(commit.eventId());
    args.add(commit.profile().firstSeen().equals(Instant.EPOCH) ? "1" : "0");
    args.add(commit.outbound().isEmpty() ? "" : EffectCodec.encode(commit.outbound()));
    args.add(commit.profileTag().map(tag -> tag.isEmpty() ? "0" : "1" + tag).orElse(""));
    args.add(Integer.toString(commit.journal().size()));
    for (JournalEntry entry : commit.journal()) {
      args.add(JournalCodec.encode(entry, settings.journal(), member.key()));
    }
    for (Effect effect : commit.timers()) {
      if (effect instanceof StartTimer start) {
        DueTimer timer = new DueTimer(address, start.name(), start.dueAt(), start.pacing());
        args.addAll(List.of("S", TimerCodec.field(address, start.name()), TimerCodec.value(timer)));
      } else if (effect instanceof CancelTimer cancel) {
        args.addAll(List.of("C", TimerCodec.field(address, cancel.name())));
      }
    }
    for (Effect effect : commit.counters()) {
      if (effect instanceof SaveCounter save) {
        args.addAll(
            List.of("K", CounterCodec.field(save.counter()), CounterCodec.encode(save.counter())));
      } else if (effect instanceof DeleteCounter delete) {
        args.addAll(List.of("D", CounterCodec.FIELD_MARK + delete.key()));
      }
    }
    return new CommitArguments(keys, args);
  }
}
