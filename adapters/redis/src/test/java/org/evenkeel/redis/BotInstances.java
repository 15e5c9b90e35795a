package org.evenkeel.redis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.TestContent;

/**
 * Bot instances for tests: each a {@link TurnDispatcher} with an engine of its own on the real
 * content and a thread pool of its own, sharing the store and mailbox they are given, as several
 * bot processes share one Redis. Every reply is recorded per conversation.
 */
final class BotInstances implements AutoCloseable {

  final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final Map<String, List<String>> replies = new ConcurrentHashMap<>();
  private final Map<String, List<SendMessage>> messages = new ConcurrentHashMap<>();
  private final List<TurnDispatcher> dispatchers = new ArrayList<>();
  private final List<ExecutorService> pools = new ArrayList<>();

  /**
   * Records, per conversation, the command each reply names ("I don't know the command /m3" is
   * recorded as {@code m3}); a reply that names none is recorded whole.
   */
  final Outbound recording =
      (to, effects, lane) -> {
        for (Effect e : effects) {
          if (e instanceof SendMessage m) {
            String text = m.text().plainText();
            int slash = text.indexOf("/m");
            replies
                .computeIfAbsent(to.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(slash < 0 ? text : text.substring(slash + 1).split("\\W")[0]);
            messages
                .computeIfAbsent(to.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(m);
          }
        }
      };

  /** An instance on {@code store} and {@code mailbox} whose replies are recorded. */
  TurnDispatcher start(MemberStore store, Mailbox mailbox) {
    return start(store, mailbox, recording);
  }

  synchronized TurnDispatcher start(MemberStore store, Mailbox mailbox, Outbound out) {
    Content content = TestContent.load();
    Engine engine =
        new Engine(
            new ContentSource(content),
            new PatternSafetyScreen(content.safety()),
            new ExampleIntentClassifier(
                content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            EngineSettings.DEFAULTS);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pools.add(pool);
    TurnDispatcher dispatcher = new TurnDispatcher(engine, store, mailbox, out, clock, pool);
    dispatchers.add(dispatcher);
    return dispatcher;
  }

  /** What each conversation was answered, in order: the command named, or the whole text. */
  Map<String, List<String>> replies() {
    return replies;
  }

  /** The messages sent to {@code to}, in order. */
  List<SendMessage> messagesTo(ConversationAddress to) {
    return List.copyOf(messages.getOrDefault(to.key(), List.of()));
  }

  /** An unknown command {@code /m<n>}; the engine's reply names it. */
  static InboundEvent command(ConversationAddress to, int n) {
    return new CommandInvoked(to.key() + "#" + n, to, "m" + n, "");
  }

  /** The commands {@code m0 .. m<count - 1>}. */
  static List<String> commands(int count) {
    List<String> names = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      names.add("m" + n);
    }
    return names;
  }

  @Override
  public synchronized void close() {
    dispatchers.forEach(TurnDispatcher::close);
    pools.forEach(ExecutorService::shutdownNow);
  }
}
