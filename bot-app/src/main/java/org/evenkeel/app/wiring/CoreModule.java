package org.evenkeel.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.evenkeel.app.charts.MoodChartPng;
import org.evenkeel.app.config.Settings;
import org.evenkeel.app.ops.MicrometerMetrics;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.dispatch.PlatformRouter;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.intent.ContentIntents;
import org.evenkeel.core.intent.IntentClassifier;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.safety.ContentSafetyScreen;
import org.evenkeel.core.safety.SafetyScreen;

/**
 * The engine and what runs it: safety screen, intents, dispatcher, timer pump, and the router that
 * sends each platform's effects through its adapter (adapters add themselves to the map).
 */
public final class CoreModule extends AbstractModule {

  /** The name of the executor for proactive turns. */
  public static final String PROACTIVE = "proactive";

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, Outbound.class);
  }

  @Provides
  @Singleton
  SafetyScreen safetyScreen(ContentSource content) {
    return new ContentSafetyScreen(content);
  }

  @Provides
  @Singleton
  IntentClassifier intents(ContentSource content, EngineSettings settings) {
    return new ContentIntents(content, settings.intentThreshold());
  }

  @Provides
  @Singleton
  Engine engine(
      ContentSource content,
      SafetyScreen safety,
      IntentClassifier intents,
      EngineSettings settings) {
    return new Engine(content, safety, intents, settings, MoodChartPng.warmedUp());
  }

  @Provides
  @Singleton
  ExecutorService workers(Settings settings) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        settings.workers(), r -> new Thread(r, "evenkeel-turn-" + n.incrementAndGet()));
  }

  /**
   * Threads for conversations a scheduled timer wakes (check-ins): two are enough, since their
   * sends go at the proactive lane's rate anyway, and they keep the workers free for replies.
   */
  @Provides
  @Singleton
  @Named(PROACTIVE)
  ExecutorService proactiveWorkers() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        2, r -> new Thread(r, "evenkeel-proactive-" + n.incrementAndGet()));
  }

  /** The operator's meters (Prometheus). */
  @Provides
  @Singleton
  MicrometerMetrics metrics() {
    return new MicrometerMetrics();
  }

  @Provides
  @Singleton
  Outbound outbound(Map<String, Outbound> adapters) {
    return new PlatformRouter(adapters);
  }

  @Provides
  @Singleton
  TurnDispatcher dispatcher(
      Engine engine,
      MemberStore store,
      Mailbox mailbox,
      Outbound outbound,
      Clock clock,
      ExecutorService workers,
      @Named(PROACTIVE) ExecutorService proactiveWorkers) {
    return new TurnDispatcher(engine, store, mailbox, outbound, clock, workers, proactiveWorkers);
  }

  @Provides
  @Singleton
  TimerPump timerPump(
      DueQueue queue, Mailbox mailbox, TurnDispatcher dispatcher, Clock clock, Settings settings) {
    return new TimerPump(queue, mailbox, dispatcher, clock, settings.timerVisibility());
  }
}
