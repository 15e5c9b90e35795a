package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bot's pending updates and the semantics of {@code getUpdates}
 * (https://core.telegram.org/bots/api#getupdates).
 *
 * <ul>
 *   <li>An update is confirmed, and forgotten, once getUpdates is called with an offset higher than
 *       its update_id; a negative offset keeps only the last -offset updates.
 *   <li>With nothing to return, the request is held up to {@code timeout} seconds, or until an
 *       update arrives. TelegramBots polls in a tight loop: answering an empty poll at once would
 *       spin it thousands of times a second.
 *   <li>A new getUpdates ends a held one with 409 "terminated by other getUpdates request", and
 *       while a webhook is set getUpdates answers 409 as well.
 *   <li>allowed_updates replaces the previous setting when given; an empty list means every type
 *       except chat_member, message_reaction and message_reaction_count. Updates of other types are
 *       dropped, as Telegram would not have stored them; types the fake does not know (raw JSON
 *       from a test) pass under the default setting.
 * </ul>
 *
 * <p>Server threads (several polls, the test thread enqueueing) share the queue: one lock guards
 * it, with a condition that wakes held polls on every change.
 */
final class UpdateQueue {

  /** The types an empty allowed_updates list leaves out; they must be asked for by name. */
  static final Set<String> OPT_IN =
      Set.of("chat_member", "message_reaction", "message_reaction_count");

  /** What one getUpdates call gets. */
  sealed interface Poll {
    record Updates(List<ObjectNode> updates) implements Poll {}

    record Conflict(String description) implements Poll {}
  }

  private record Pending(int updateId, ObjectNode update) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Pending> pending = new ArrayList<>();
  private int nextUpdateId;
  private long pollGeneration;
  private boolean webhookSet;
  private boolean closed;
  private Optional<Set<String>> allowed = Optional.empty();

  UpdateQueue(int firstUpdateId) {
    this.nextUpdateId = firstUpdateId;
  }

  /** Queues an update; one without an update_id gets the next one. Returns its update_id. */
  int enqueue(ObjectNode update) {
    lock.lock();
    try {
      ObjectNode copy = update.deepCopy();
      int id;
      if (copy.hasNonNull("update_id") && copy.get("update_id").canConvertToInt()) {
        id = copy.get("update_id").asInt();
        nextUpdateId = Math.max(nextUpdateId, id + 1);
      } else {
        id = nextUpdateId++;
        ObjectNode withId = copy.objectNode().put("update_id", id);
        withId.setAll(copy);
        copy = withId;
      }
      pending.add(new Pending(id, copy));
      changed.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Answers one getUpdates call, holding it while there is nothing to return. */
  Poll poll(
      Optional<Long> offset, int limit, int timeoutSeconds, Optional<Set<String>> allowedUpdates)
      throws InterruptedException {
    lock.lock();
    try {
      long generation = ++pollGeneration;
      changed.signalAll(); // ends the poll this one replaces
      if (webhookSet) {
        return webhookConflict();
      }
      offset.ifPresent(this::confirm);
      if (allowedUpdates.isPresent()) {
        allowed = allowedUpdates;
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
      while (true) {
        dropNotAllowed();
        if (!pending.isEmpty() || closed) {
          return new Poll.Updates(
              pending.stream().limit(limit).map(p -> p.update().deepCopy()).toList());
        }
        if (generation != pollGeneration) {
          return new Poll.Conflict(
              "terminated by other getUpdates request; make sure that only one bot instance is"
                  + " running");
        }
        if (webhookSet) {
          return webhookConflict();
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return new Poll.Updates(List.of());
        }
        changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      pending.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void webhookSet(boolean set) {
    lock.lock();
    try {
      webhookSet = set;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Releases every held poll (with what there is) and makes later polls return at once. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void confirm(long offset) {
    if (offset < 0) {
      int keep = (int) Math.min(pending.size(), -offset);
      pending.subList(0, pending.size() - keep).clear();
    } else {
      pending.removeIf(p -> p.updateId() < offset);
    }
  }

  private void dropNotAllowed() {
    Optional<Set<String>> named = allowed.filter(set -> !set.isEmpty());
    pending.removeIf(
        p ->
            typeOf(p.update())
                .map(type -> named.map(set -> !set.contains(type)).orElse(OPT_IN.contains(type)))
                .orElse(false));
  }

  /** The update's type: its one field besides update_id; empty for one the fake cannot tell. */
  private static Optional<String> typeOf(ObjectNode update) {
    List<String> names = new ArrayList<>();
    update.fieldNames().forEachRemaining(names::add);
    names.remove("update_id");
    return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
  }

  private static Poll webhookConflict() {
    return new Poll.Conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the"
            + " webhook first");
  }
}
