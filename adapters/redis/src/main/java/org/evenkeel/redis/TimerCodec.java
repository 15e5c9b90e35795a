package org.evenkeel.redis;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.DueTimer;

/**
 * How a timer is written in the member's timers hash and in the due-queue.
 *
 * <ul>
 *   <li>field in the timers hash: {@code <chatId>:<name>} (timer identity within the member);
 *   <li>value in the timers hash: {@code <due>:<pacing>} with {@code due} as in {@link Instants}
 *       and pacing {@code 1} or {@code 0};
 *   <li>entry in the due-queue: {@code <value>:<platform>:<userId>:<field>}, which holds everything
 *       a {@link DueTimer} needs, so claiming reads no member key.
 * </ul>
 *
 * Platform, user and chat ids never contain ':' ({@code ConversationAddress} checks), so the first
 * five colons split an entry unambiguously and the timer's name may contain anything. The scripts
 * build entries from hash fields and values with the same rule; keep them in step.
 */
final class TimerCodec {

  private TimerCodec() {}

  static String field(ConversationAddress address, String name) {
    return address.chatId() + ":" + name;
  }

  static String value(DueTimer timer) {
    return Instants.encode(timer.dueAt()) + ":" + (timer.pacing() ? "1" : "0");
  }

  static String entry(DueTimer timer) {
    return value(timer)
        + ":"
        + timer.address().member().key()
        + ":"
        + field(timer.address(), timer.name());
  }

  /** The timer a due-queue entry stands for. */
  static DueTimer fromEntry(String entry) {
    String[] parts = entry.split(":", 6);
    if (parts.length != 6) {
      throw new IllegalStateException("malformed due-queue entry (" + parts.length + " parts)");
    }
    ConversationAddress address = new ConversationAddress(parts[2], parts[4], parts[3]);
    return new DueTimer(address, parts[5], Instants.decode(parts[0]), parts[1].equals("1"));
  }

  /** The timer a member's timers-hash field and value stand for. */
  static DueTimer fromHash(MemberId member, String field, String value) {
    int colon = field.indexOf(':');
    int valueColon = value.indexOf(':');
    if (colon < 0 || valueColon < 0) {
      throw new IllegalStateException("malformed entry in a member's timers hash");
    }
    ConversationAddress address =
        new ConversationAddress(member.platform(), field.substring(0, colon), member.userId());
    return new DueTimer(
        address,
        field.substring(colon + 1),
        Instants.decode(value.substring(0, valueColon)),
        value.substring(valueColon + 1).equals("1"));
  }
}
