package org.evenkeel.bench.telegram;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated members by chat id, and where the fake Bot API hands what the bot sends them: a
 * finished move goes to the {@link LatencyRecorder} and then to the driver, which decides when the
 * member moves next.
 */
final class Members {

  /** Chat ids of members start here; a private chat's id is its member's user id. */
  static final long FIRST_ID = 500_000_000L;

  private final TelegramMember[] members;
  private final LatencyRecorder recorder;
  private volatile Consumer<TelegramMember> onMoveDone = m -> {};

  Members(int count, GroundingScript script, UpdateJson json, ReplyTally tally, LatencyRecorder r) {
    this.members = new TelegramMember[count];
    for (int i = 0; i < count; i++) {
      members[i] = new TelegramMember(FIRST_ID + i, script, json, tally);
    }
    this.recorder = r;
  }

  /** Who is told that a member finished a move (the driver). */
  void onMoveDone(Consumer<TelegramMember> listener) {
    this.onMoveDone = listener;
  }

  List<TelegramMember> all() {
    return List.of(members);
  }

  int size() {
    return members.length;
  }

  Optional<TelegramMember> byChat(long chatId) {
    long i = chatId - FIRST_ID;
    return i >= 0 && i < members.length ? Optional.of(members[(int) i]) : Optional.empty();
  }

  /** A message the bot sent to {@code member}, received at {@code nowNanos}. */
  void message(
      TelegramMember member, int messageId, String text, List<String> data, long nowNanos) {
    Optional<TelegramMember.Done> done = member.onMessage(messageId, text, data);
    if (done.isPresent()) {
      recorder.record(done.get(), nowNanos);
      onMoveDone.accept(member);
    }
  }

  /** Whether every member sent {@code moves} messages and waits for nothing more. */
  boolean allThrough(int moves) {
    for (TelegramMember m : members) {
      if (m.waiting() || m.movesMade() < moves) {
        return false;
      }
    }
    return true;
  }

  /** Members waiting for a reply now. */
  int waiting() {
    int n = 0;
    for (TelegramMember m : members) {
      n += m.waiting() ? 1 : 0;
    }
    return n;
  }
}
