package org.evenkeel.core.dispatch;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.core.engine.EngineSettings;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.intent.ExampleIntentClassifier;
import org.evenkeel.core.memory.InMemoryMailbox;
import org.evenkeel.core.memory.InMemoryStore;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.ExportJson;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.TurnCommit;
import org.evenkeel.core.safety.PatternSafetyScreen;
import org.evenkeel.core.safety.SafetyScreen;
import org.evenkeel.core.testing.ForwardingMemberStore;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.core.testing.RecordingOutbound;
import org.evenkeel.core.testing.TestContent;
import org.evenkeel.core.text.FormattedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher with the real engine and content, the in-memory store and a real pool of four
 * threads. Nothing sleeps: tests wait on futures and latches, each with a generous timeout. Every
 * test also checks that no log line (message, arguments or exception) carries a member's words.
 */
class TurnDispatcherTest {

  private static final Content CONTENT = TestContent.load();
  private static final int TIMEOUT = 30;

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  private final ConversationAddress bob = ConversationAddress.direct("test", "bob");
  private final InMemoryStore memory = new InMemoryStore();
  private final RecordingOutbound outbound = new RecordingOutbound();

  /** Event ids in the order their turns were committed. */
  private final List<String> commits = Collections.synchronizedList(new ArrayList<>());

  /** Everything members wrote in this test: none of it may reach a log line. */
  private final Set<String> memberWords = ConcurrentHashMap.newKeySet();

  private ExecutorService pool;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void startPoolAndCaptureLogs() {
    pool = Executors.newFixedThreadPool(4);
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopPool_andCheckNoMemberWordsWereLogged() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(TIMEOUT, SECONDS)).isTrue();
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    List<String> lines;
    synchronized (logs) {
      lines = logs.list.stream().map(TurnDispatcherTest::everythingLogged).toList();
    }
    for (String words : memberWords) {
      assertThat(lines).as("log lines").noneMatch(line -> line.contains(words));
    }
  }

  // ---- ordering and parallelism ----

  @Test
  void eventsOfOneConversation_areHandledInSubmissionOrder_onAPoolOfThreads() throws Exception {
    TurnDispatcher dispatcher = dispatcher(engine(), recordingStore(), outbound);
    // Texts all get the fallback; unknown commands name themselves in the reply, which shows the
    // order of the replies. Bob's events keep the other threads busy meanwhile.
    List<String> ids = new ArrayList<>();
    List<String> expectedReplies = new ArrayList<>(List.of(message("engine.welcome")));
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      InboundEvent event =
          i % 2 == 0
              ? text("a" + i, alice, "blue kettle number " + i)
              : new CommandInvoked("a" + i, alice, "nope" + i, "");
      ids.add(event.id());
      expectedReplies.add(
          i % 2 == 0
              ? message("engine.fallback")
              : message("engine.unknown_command", "command", "/nope" + i));
      turns.add(dispatcher.submit(event));
      turns.add(dispatcher.submit(text("b" + i, bob, "green teapot number " + i)));
    }

    CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(TIMEOUT, SECONDS);

    assertThat(memory.load(alice).session().version()).isEqualTo(200);
    assertThat(commits.stream().filter(id -> id.startsWith("a")).toList()).isEqualTo(ids);
    assertThat(repliesTo(alice)).isEqualTo(expectedReplies);
    assertThat(memory.load(bob).session().version()).isEqualTo(200);
  }

  @Test
  void eventsSubmittedFromManyThreads_runInTheOrderTheirSubmissionsHappened() throws Exception {
    TurnDispatcher dispatcher = dispatcher(engine(), recordingStore(), outbound);
    List<String> submitted = new ArrayList<>();
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    Object lock = new Object();
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    TextMessage event =
                        text("t" + thread + "-" + i, alice, "orange kite " + thread + "-" + i);
                    synchronized (lock) {
                      submitted.add(event.id());
                      turns.add(dispatcher.submit(event));
                    }
                  }
                },
                submitters));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(TIMEOUT, SECONDS);
    } finally {
      submitters.shutdownNow();
    }

    CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(TIMEOUT, SECONDS);

    assertThat(submitted).hasSize(200);
    assertThat(commits).isEqualTo(submitted);
    assertThat(memory.load(alice).session().version()).isEqualTo(200);
  }

  @Test
  void aConversationBlockedOnDelivery_doesNotHoldUpAnother() throws Exception {
    CountDownLatch aliceDelivering = new CountDownLatch(1);
    CountDownLatch releaseAlice = new CountDownLatch(1);
    Outbound blockingForAlice =
        (to, effects, lane) -> {
          if (to.equals(alice)) {
            aliceDelivering.countDown();
            await(releaseAlice);
          }
          outbound.deliver(to, effects, lane);
        };
    TurnDispatcher dispatcher = dispatcher(engine(), memory, blockingForAlice);

    CompletableFuture<Void> aliceFirst = dispatcher.submit(text("a1", alice, "purple lamp"));
    assertThat(aliceDelivering.await(TIMEOUT, SECONDS)).isTrue();
    CompletableFuture<Void> aliceSecond = dispatcher.submit(text("a2", alice, "purple lamp again"));
    CompletableFuture<Void> bobs = dispatcher.submit(text("b1", bob, "yellow chair"));

    bobs.get(TIMEOUT, SECONDS);
    assertThat(repliesTo(bob)).isNotEmpty();
    assertThat(aliceFirst).isNotDone();
    assertThat(aliceSecond).as("queued for the drain holding alice's conversation").isDone();
    assertThat(memory.load(alice).session().version())
        .as("alice's second turn waits behind her first")
        .isEqualTo(1);

    releaseAlice.countDown();
    aliceFirst.get(TIMEOUT, SECONDS);
    assertThat(memory.load(alice).session().version()).isEqualTo(2);
  }

  // ---- once only ----

  @Test
  void duplicateEventId_producesOneTurn() throws Exception {
    TurnDispatcher dispatcher = dispatcher(engine(), memory, outbound);
    TextMessage event = text("telegram:update:42", alice, "red bicycle");

    CompletableFuture.allOf(dispatcher.submit(event), dispatcher.submit(event))
        .get(TIMEOUT, SECONDS);
    dispatcher.submit(event).get(TIMEOUT, SECONDS);

    assertThat(memory.load(alice).session().version()).isEqualTo(1);
    assertThat(repliesTo(alice))
        .containsExactly(message("engine.welcome"), message("engine.fallback"));
  }

  // ---- failures ----

  @Test
  void turnWhoseCommitThrows_isAnsweredWithTheApology_andTheNextEventStillRuns() throws Exception {
    MemberStore failing =
        new ForwardingMemberStore(memory) {
          @Override
          public boolean commit(TurnCommit commit) {
            if (commit.eventId().equals("a2")) {
              throw new IllegalStateException("store unavailable");
            }
            return super.commit(commit);
          }
        };
    TurnDispatcher dispatcher = dispatcher(engine(), failing, outbound);

    CompletableFuture.allOf(
            dispatcher.submit(text("a1", alice, "silver spoon")),
            dispatcher.submit(text("a2", alice, "my sponsor Dana says hi")),
            dispatcher.submit(text("a3", alice, "silver spoon again")))
        .get(TIMEOUT, SECONDS);

    assertThat(repliesTo(alice))
        .containsExactly(
            message("engine.welcome"),
            message("engine.fallback"),
            message("engine.apology"),
            message("engine.fallback"));
    assertThat(memory.load(alice).session().version()).isEqualTo(2);
    assertThat(loggedAt(Level.ERROR))
        .anyMatch(line -> line.contains("turn failed") && line.contains("a2"));
  }

  @Test
  void turnWhoseEngineThrows_isAnsweredWithTheApology_andTheNextEventStillRuns() throws Exception {
    SafetyScreen real = new PatternSafetyScreen(CONTENT.safety());
    SafetyScreen breaksOnOneMessage =
        text -> {
          if (text.contains("kettle")) {
            throw new IllegalStateException("screen unavailable");
          }
          return real.screen(text);
        };
    TurnDispatcher dispatcher = dispatcher(engine(breaksOnOneMessage), memory, outbound);

    dispatcher.submit(text("a1", alice, "my kettle is broken and so am i")).get(TIMEOUT, SECONDS);
    dispatcher.submit(text("a2", alice, "brown teapot")).get(TIMEOUT, SECONDS);

    assertThat(repliesTo(alice))
        .containsExactly(
            message("engine.apology"), message("engine.welcome"), message("engine.fallback"));
    assertThat(memory.load(alice).session().version()).isEqualTo(1);
    assertThat(loggedAt(Level.ERROR))
        .anyMatch(line -> line.contains("turn failed") && line.contains("a1"));
  }

  @Test
  void failedDelivery_keepsTheCommittedTurn_andTheNextEventStillRuns() throws Exception {
    Outbound failsOnce =
        new Outbound() {
          private boolean failed;

          @Override
          public synchronized void deliver(
              ConversationAddress to, List<Effect> effects, Lane lane) {
            if (!failed) {
              failed = true;
              throw new IllegalStateException("platform unreachable");
            }
            outbound.deliver(to, effects, lane);
          }
        };
    TurnDispatcher dispatcher = dispatcher(engine(), memory, failsOnce);

    dispatcher.submit(text("a1", alice, "white pebble")).get(TIMEOUT, SECONDS);
    dispatcher.submit(text("a2", alice, "white pebble again")).get(TIMEOUT, SECONDS);

    assertThat(memory.load(alice).session().version()).isEqualTo(2);
    assertThat(repliesTo(alice)).containsExactly(message("engine.fallback"));
    assertThat(loggedAt(Level.WARN)).anyMatch(line -> line.contains("delivery failed"));
  }

  @Test
  void closedDispatcher_refusesNewEvents_afterFinishingQueuedOnes() throws Exception {
    TurnDispatcher dispatcher = dispatcher(engine(), memory, outbound);
    CompletableFuture<Void> queued = dispatcher.submit(text("a1", alice, "grey cloud"));

    dispatcher.close();

    assertThat(queued).isDone();
    assertThat(memory.load(alice).session().version()).isEqualTo(1);
    assertThatThrownBy(() -> dispatcher.submit(text("a2", alice, "grey cloud again")))
        .isInstanceOf(IllegalStateException.class);
  }

  // ---- the export file ----

  @Nested
  class ExportFile {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void exportCommand_deliversAJsonFileWithTheMembersData() throws Exception {
      TurnDispatcher dispatcher = dispatcher(engine(), memory, outbound);
      dispatcher.submit(new CommandInvoked("a1", alice, "gratitude", "")).get(TIMEOUT, SECONDS);
      dispatcher.submit(text("a2", alice, "tea with my sister \"Jo\"")).get(TIMEOUT, SECONDS);
      outbound.drain();

      dispatcher.submit(new CommandInvoked("a3", alice, "export", "")).get(TIMEOUT, SECONDS);

      List<SendFile> files =
          outbound.drain().stream()
              .map(RecordingOutbound.Delivery::effect)
              .filter(SendFile.class::isInstance)
              .map(SendFile.class::cast)
              .toList();
      assertThat(files).hasSize(1);
      SendFile file = files.get(0);
      assertThat(file.mediaType()).isEqualTo("application/json");
      assertThat(file.protect()).isTrue();
      assertThat(file.caption().plainText()).isEqualTo(message("export.ready"));
      JsonNode root = json.readTree(file.content());
      assertThat(root.path("format").asText()).isEqualTo("evenkeel-export/1");
      assertThat(root.path("exported_at").asText()).isEqualTo(clock.instant().toString());
      assertThat(root.path("user_id").asText()).isEqualTo("alice");
      assertThat(root.path("profile").path("first_seen").asText())
          .isEqualTo(clock.instant().toString());
      assertThat(root.path("journal")).hasSize(1);
      assertThat(root.path("journal").get(0).path("kind").asText()).isEqualTo("gratitude");
      assertThat(root.path("journal").get(0).path("text").asText())
          .isEqualTo("tea with my sister \"Jo\"");
      JsonNode conversation = root.path("conversations").get(0);
      assertThat(conversation.path("flow").asText()).isEqualTo("gratitude");
      assertThat(conversation.path("answers").path("thing1").asText())
          .isEqualTo("tea with my sister \"Jo\"");
    }

    @Test
    void render_writesValidJsonForAnyText_andRoundTripsIt() throws IOException {
      String awkward =
          "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 line-sep \u2028 é 💊 </script>";
      ConversationAddress group = new ConversationAddress("discord", "chan\"1", "u\\1");
      Profile profile =
          Profile.newMember(group.member(), Instant.parse("2026-01-01T00:00:00Z"))
              .withCountry("DE")
              .withZone(ZoneId.of("Europe/Berlin"))
              .withCheckinTime(Optional.of(LocalTime.of(20, 0)))
              .withConsent(true)
              .withPause(Profile.Pause.indefinitely())
              .withRoutine(
                  new Profile.Routine(
                      java.util.EnumSet.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SUNDAY),
                      Optional.of(
                          new org.evenkeel.core.schedule.QuietHours(
                              LocalTime.of(22, 0), LocalTime.of(7, 0))),
                      Optional.of(java.time.LocalDate.of(2026, 1, 5))));
      FlowPosition position =
          new FlowPosition(
              "checkin",
              "h",
              "note",
              3,
              Map.of("note", awkward, "mood", "2"),
              Optional.empty(),
              Map.of(),
              Optional.empty());
      MemberExport export =
          new MemberExport(
              group.member(),
              Optional.of(profile),
              List.of(
                  JournalEntry.mood(Instant.parse("2026-01-02T08:00:00Z"), 2, awkward),
                  JournalEntry.note(Instant.EPOCH, "")),
              List.of(
                  Session.fresh(group)
                      .withFlow(Optional.of(position))
                      .withLastCrisisCardAt(Instant.EPOCH)),
              List.of(new DueTimer(group, "checkin", Instant.parse("2026-01-03T19:00:00Z"), false)),
              List.of(
                  new MilestoneCounter(
                      MilestoneCounter.PRIVATE,
                      "alcohol",
                      Instant.parse("2025-12-24T18:00:00Z"),
                      true,
                      40,
                      55),
                  new MilestoneCounter(
                      "guild-9", "nicotine", Instant.parse("2026-01-01T00:00:00Z"), false, 0, 0)));

      JsonNode root = json.readTree(ExportJson.render(export, clock.instant()));

      assertThat(root.path("platform").asText()).isEqualTo("discord");
      assertThat(root.path("user_id").asText()).isEqualTo("u\\1");
      JsonNode p = root.path("profile");
      assertThat(p.path("country").asText()).isEqualTo("DE");
      assertThat(p.path("time_zone").asText()).isEqualTo("Europe/Berlin");
      assertThat(p.path("checkin_time").asText()).isEqualTo("20:00");
      assertThat(p.path("consent").isBoolean()).isTrue();
      assertThat(p.path("checkins_paused").asBoolean()).isTrue();
      assertThat(p.path("paused_until").isNull()).isTrue();
      assertThat(p.path("checkin_days").asText()).isEqualTo("mon,sun");
      assertThat(p.path("quiet_hours").asText()).isEqualTo("22:00-07:00");
      assertThat(p.path("skipped_date").asText()).isEqualTo("2026-01-05");
      assertThat(p.path("locale").isNull()).isTrue();
      assertThat(root.path("journal").get(0).path("mood").asInt()).isEqualTo(2);
      assertThat(root.path("journal").get(0).path("text").asText()).isEqualTo(awkward);
      assertThat(root.path("journal").get(1).has("mood")).isFalse();
      JsonNode conversation = root.path("conversations").get(0);
      assertThat(conversation.path("chat_id").asText()).isEqualTo("chan\"1");
      assertThat(conversation.path("answers").path("note").asText()).isEqualTo(awkward);
      assertThat(conversation.path("answers").path("mood").asText()).isEqualTo("2");
      assertThat(conversation.path("last_crisis_card_at").asText())
          .isEqualTo("1970-01-01T00:00:00Z");
      assertThat(root.path("timers").get(0).path("due_at").asText())
          .isEqualTo("2026-01-03T19:00:00Z");
      JsonNode alcohol = root.path("milestone_counters").get(0);
      assertThat(alcohol.path("server").isNull()).as("a private counter").isTrue();
      assertThat(alcohol.path("name").asText()).isEqualTo("alcohol");
      assertThat(alcohol.path("run_started_at").asText()).isEqualTo("2025-12-24T18:00:00Z");
      assertThat(alcohol.path("start_day_counts_as_day_one").asBoolean()).isTrue();
      assertThat(alcohol.path("longest_earlier_run_days").asLong()).isEqualTo(40);
      assertThat(alcohol.path("earlier_runs_days").asLong()).isEqualTo(55);
      assertThat(root.path("milestone_counters").get(1).path("server").asText())
          .isEqualTo("guild-9");
    }

    @Test
    void render_ofAMemberWithNothingStored_isValidJsonWithEmptyLists() throws IOException {
      MemberExport empty =
          new MemberExport(
              new MemberId("test", "nobody"),
              Optional.empty(),
              List.of(),
              List.of(),
              List.of(),
              List.of());

      JsonNode root = json.readTree(ExportJson.render(empty, clock.instant()));

      assertThat(root.path("profile").isNull()).isTrue();
      assertThat(root.path("journal").isArray()).isTrue();
      assertThat(root.path("journal")).isEmpty();
      assertThat(root.path("conversations")).isEmpty();
      assertThat(root.path("milestone_counters").isArray()).isTrue();
      assertThat(root.path("milestone_counters")).isEmpty();
      assertThat(root.path("timers")).isEmpty();
    }
  }

  // ---- helpers ----

  private Engine engine() {
    return engine(new PatternSafetyScreen(CONTENT.safety()));
  }

  private Engine engine(SafetyScreen screen) {
    return new Engine(
        new ContentSource(CONTENT),
        screen,
        new ExampleIntentClassifier(CONTENT.intents(), EngineSettings.DEFAULTS.intentThreshold()),
        EngineSettings.DEFAULTS);
  }

  private TurnDispatcher dispatcher(Engine engine, MemberStore store, Outbound out) {
    return new TurnDispatcher(engine, store, new InMemoryMailbox(clock, store), out, clock, pool);
  }

  /** The in-memory store, noting the event id of every turn it commits. */
  private MemberStore recordingStore() {
    return new ForwardingMemberStore(memory) {
      @Override
      public boolean commit(TurnCommit commit) {
        boolean done = super.commit(commit);
        if (done) {
          commits.add(commit.eventId());
        }
        return done;
      }
    };
  }

  private TextMessage text(String id, ConversationAddress to, String words) {
    memberWords.add(words);
    return new TextMessage(id, to, words);
  }

  /** A message of the content as a member reads it, with placeholders filled. */
  private static String message(String key, String... placeholders) {
    String text = CONTENT.messages().get(CONTENT.messages().fallbackLocale(), key);
    for (int i = 0; i < placeholders.length; i += 2) {
      text = text.replace("{" + placeholders[i] + "}", placeholders[i + 1]);
    }
    return FormattedText.of(text).plainText();
  }

  /** The plain text of every message delivered to {@code address}, in delivery order. */
  private List<String> repliesTo(ConversationAddress address) {
    return outbound.deliveries().stream()
        .filter(d -> d.to().equals(address))
        .map(RecordingOutbound.Delivery::effect)
        .filter(SendMessage.class::isInstance)
        .map(e -> ((SendMessage) e).text().plainText())
        .toList();
  }

  private List<String> loggedAt(Level level) {
    synchronized (logs) {
      return logs.list.stream()
          .filter(e -> e.getLevel() == level)
          .map(TurnDispatcherTest::everythingLogged)
          .toList();
    }
  }

  /** A log event as any appender could write it: message, arguments and the exception chain. */
  private static String everythingLogged(ILoggingEvent event) {
    StringBuilder out = new StringBuilder(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        out.append(' ').append(argument);
      }
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      out.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
    }
    event.getMDCPropertyMap().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    return out.toString();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT, SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
