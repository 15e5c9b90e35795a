package org.evenkeel.core.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.MessageRefs;

/**
 * Message refs in this process's memory, for one instance (a bot without Redis, tests): the {@link
 * #CAPACITY} most recently used. Nothing expires by time, which is harmless: a ref names one
 * exercise's message and is never used for another, and the bound keeps the memory small. The
 * {@link InMemoryStore} keeps one ({@link InMemoryStore#messageRefs()}) and forgets a member's refs
 * with the member.
 */
public final class InMemoryMessageRefs implements MessageRefs {

  /** The most refs kept; the least recently used goes first. */
  public static final int CAPACITY = 50_000;

  private final Map<String, String> refs =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CAPACITY;
        }
      };

  @Override
  public synchronized void remember(
      ConversationAddress conversation, String ref, String messageId) {
    refs.put(key(conversation, ref), messageId);
  }

  @Override
  public synchronized Optional<String> recall(ConversationAddress conversation, String ref) {
    return Optional.ofNullable(refs.get(key(conversation, ref)));
  }

  @Override
  public synchronized void forget(ConversationAddress conversation, String ref) {
    refs.remove(key(conversation, ref));
  }

  /** Forgets every ref of one member's conversations (see {@link InMemoryStore#forget}). */
  synchronized void forgetMember(MemberId member) {
    String prefix = member.key() + "/";
    refs.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private static String key(ConversationAddress conversation, String ref) {
    return conversation.member().key() + "/" + conversation.chatId() + "#" + ref;
  }
}
