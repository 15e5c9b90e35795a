package org.evenkeel.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.evenkeel.core.chart.MoodChart;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.dispatch.TimerPump;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.safety.PatternSafetyScreen;

/**
 * A scripted conversation with the real engine, content, dispatcher and in-memory store, on a fake
 * clock: {@code say("/ground")}, {@code expect("Name five")}, {@code tap("Done")}, {@code
 * wait(Duration.ofSeconds(4))}.
 */
public final class Conversation {

  /** The daily check-in's timer, which {@link #pendingTimers()} leaves out. */
  public static final String DAILY_CHECKIN = "checkin.daily";

  public final MutableClock clock;
  public final InMemoryStore store;
  public final InMemoryMailbox mailbox;
  public final RecordingOutbound outbound = new RecordingOutbound();
  public final ContentSource content;
  public final ConversationAddress address;
  private final TurnDispatcher dispatcher;
  private final TimerPump pump;
  private final AtomicLong ids = new AtomicLong();
  // Event ids are unique per run, as platforms' are: a restarted "process" must not reuse them.
  private final String run = Long.toString(RUNS.incrementAndGet(), 36);
  private static final AtomicLong RUNS = new AtomicLong();
  private final List<Effect> transcript = new ArrayList<>();
  private List<Effect> lastReplies = List.of();

  public Conversation(Content content, String user, MutableClock clock) {
    this(content, user, clock, new InMemoryStore());
  }

  /**
   * A conversation over an existing store: what a restarted process sees, for example after a
   * deploy with new content that no longer knows the flow versions its members are in.
   */
  public Conversation(Content content, String user, MutableClock clock, InMemoryStore store) {
    this(content, user, clock, store, MoodChart.Renderer.NONE);
  }

  /** A conversation whose engine draws mood charts with {@code charts}. */
  public Conversation(
      Content content,
      String user,
      MutableClock clock,
      InMemoryStore store,
      MoodChart.Renderer charts) {
    this(content, user, clock, store, charts, EngineSettings.DEFAULTS);
  }

  /** A conversation whose engine has {@code settings}. */
  public Conversation(
      Content content,
      String user,
      MutableClock clock,
      InMemoryStore store,
      MoodChart.Renderer charts,
      EngineSettings settings) {
    this.clock = clock;
    this.store = store;
    this.mailbox = new InMemoryMailbox(clock, store);
    this.content = new ContentSource(content);
    this.address = ConversationAddress.direct("test", user);
    Engine engine =
        new Engine(
            this.content,
            new PatternSafetyScreen(content.safety()),
            new ExampleIntentClassifier(
                content.intents(), EngineSettings.DEFAULTS.intentThreshold()),
            settings,
            charts);
    dispatcher = new TurnDispatcher(engine, store, mailbox, outbound, clock, Runnable::run);
    pump = new TimerPump(store, mailbox, dispatcher, clock, Duration.ofSeconds(30));
  }

  /** A new member talking to the bot with the project's real content. */
  public static Conversation withRealContent() {
    return withRealContent(MoodChart.Renderer.NONE);
  }

  /** A new member with the real content and an engine with {@code settings}. */
  public static Conversation withRealContent(EngineSettings settings) {
    return new Conversation(
        TestContent.load(),
        "member-1",
        MutableClock.at("2026-03-02T09:30:00Z"),
        new InMemoryStore(),
        MoodChart.Renderer.NONE,
        settings);
  }

  /** As {@link #withRealContent()}, with mood charts drawn by {@code charts}. */
  public static Conversation withRealContent(MoodChart.Renderer charts) {
    return new Conversation(
        TestContent.load(),
        "member-1",
        MutableClock.at("2026-03-02T09:30:00Z"),
        new InMemoryStore(),
        charts);
  }

  /** The member sends a line: a command when it starts with '/', text otherwise. */
  public Conversation say(String line) {
    if (line.startsWith("/")) {
      String[] parts = line.substring(1).split("\\s+", 2);
      return send(
          new CommandInvoked(nextId(), address, parts[0], parts.length > 1 ? parts[1] : ""));
    }
    return send(new TextMessage(nextId(), address, line));
  }

  /** Sends any event and collects the replies. */
  public Conversation send(InboundEvent event) {
    dispatcher.submit(event).join();
    collect();
    return this;
  }

  /** Taps the button with this label on the latest message that offers it. */
  public Conversation tap(String label) {
    Choice choice =
        latestChoices().stream()
            .filter(c -> c.label().equals(label))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no button '" + label + "' among " + latestChoices()));
    return press(choice.payload());
  }

  /** Presses a button with a raw payload (forged or stale ones too). */
  public Conversation press(String payload) {
    return send(new ButtonPressed(nextId(), address, payload));
  }

  /** Lets time pass, firing every timer that comes due on the way, in order. */
  public Conversation wait(Duration duration) {
    Instant end = clock.instant().plus(duration);
    List<Effect> replies = new ArrayList<>();
    while (true) {
      Optional<Instant> next = nextDue(end);
      if (next.isEmpty()) {
        break;
      }
      clock.set(next.get());
      pump.pump().join();
      replies.addAll(collectQuietly());
    }
    clock.set(end);
    lastReplies = replies;
    return this;
  }

  /**
   * The bot comes back after {@code downtime} with the clock moved on: the timers that came due
   * meanwhile are handed out now, late, as a restarted bot's pump does.
   */
  public Conversation resumeAfter(Duration downtime) {
    clock.advance(downtime);
    List<Effect> replies = new ArrayList<>();
    for (int i = 0; i < 100 && nextDue(clock.instant()).isPresent(); i++) {
      pump.pump().join();
      replies.addAll(collectQuietly());
    }
    lastReplies = replies;
    return this;
  }

  /** Lets pacing timers run until the flow waits for the member again. */
  public Conversation waitForPacing() {
    List<Effect> replies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Optional<Instant> next = store.nextPacing(address);
      if (next.isEmpty()) {
        lastReplies = replies;
        return this;
      }
      clock.set(next.get());
      pump.pump().join();
      replies.addAll(collectQuietly());
    }
    throw new AssertionError("pacing never finished");
  }

  private Optional<Instant> nextDue(Instant end) {
    return store.export(address.member()).timers().stream()
        .map(t -> t.dueAt())
        .min(Instant::compareTo)
        .filter(t -> !t.isAfter(end));
  }

  private void collect() {
    lastReplies = collectQuietly();
  }

  private List<Effect> collectQuietly() {
    List<Effect> replies =
        outbound.drain().stream().map(RecordingOutbound.Delivery::effect).toList();
    transcript.addAll(replies);
    return replies;
  }

  /** The effects delivered in answer to the latest action. */
  public List<Effect> replies() {
    return lastReplies;
  }

  /** The plain text of every message and edit delivered in answer to the latest action. */
  public List<String> texts() {
    return lastReplies.stream()
        .map(
            e ->
                e instanceof SendMessage m
                    ? m.text().plainText()
                    : e instanceof EditMessage m ? m.text().plainText() : null)
        .filter(t -> t != null)
        .toList();
  }

  /** Asserts that some reply to the latest action contains {@code fragment}. */
  public Conversation expect(String fragment) {
    assertThat(String.join("\n", texts())).contains(fragment);
    return this;
  }

  /** Asserts that no reply to the latest action contains {@code fragment}. */
  public Conversation expectNo(String fragment) {
    assertThat(String.join("\n", texts())).doesNotContain(fragment);
    return this;
  }

  /** The message text of {@code key} in the fallback locale, for assertions that track content. */
  public String message(String key) {
    var messages = content.current().messages();
    return org.evenkeel.core.text.FormattedText.of(messages.get(messages.fallbackLocale(), key))
        .plainText();
  }

  /** The buttons of the latest message (or edit) in the whole transcript that has any. */
  public List<Choice> latestChoices() {
    for (int i = transcript.size() - 1; i >= 0; i--) {
      Effect e = transcript.get(i);
      if (e instanceof SendMessage m && !m.choices().isEmpty()) {
        return m.choices();
      }
      if (e instanceof EditMessage m && !m.choices().isEmpty()) {
        return m.choices();
      }
    }
    return List.of();
  }

  /** Everything delivered since the conversation began. */
  public List<Effect> transcript() {
    return List.copyOf(transcript);
  }

  public org.evenkeel.core.model.MemberSnapshot state() {
    return store.load(address);
  }

  /** The labels of {@link #latestChoices()}, in order. */
  public List<String> labels() {
    return latestChoices().stream().map(Choice::label).toList();
  }

  /** The replies to the latest action that are of {@code type}, such as {@code EditMessage}. */
  public <T extends Effect> List<T> replies(Class<T> type) {
    return lastReplies.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The timers this member has pending in the store, soonest first. */
  public List<org.evenkeel.core.port.DueTimer> pendingTimers() {
    return allTimers().stream().filter(t -> !t.name().equals(DAILY_CHECKIN)).toList();
  }

  /** Every pending timer of the member, the daily check-in's included, soonest first. */
  public List<org.evenkeel.core.port.DueTimer> allTimers() {
    return store.export(address.member()).timers().stream()
        .sorted(java.util.Comparator.comparing(org.evenkeel.core.port.DueTimer::dueAt))
        .toList();
  }

  private String nextId() {
    return "e" + run + "-" + ids.incrementAndGet();
  }
}
