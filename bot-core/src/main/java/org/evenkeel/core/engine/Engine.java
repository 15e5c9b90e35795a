package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.APOLOGY;
import static org.evenkeel.core.content.RequiredMessages.CHECKIN_FOLLOW_UP;
import static org.evenkeel.core.content.RequiredMessages.COMING_SOON;
import static org.evenkeel.core.content.RequiredMessages.CRISIS_REPEAT;
import static org.evenkeel.core.content.RequiredMessages.EMPTY;
import static org.evenkeel.core.content.RequiredMessages.EXPORT_READY;
import static org.evenkeel.core.content.RequiredMessages.FALLBACK;
import static org.evenkeel.core.content.RequiredMessages.FLOW_UPDATED;
import static org.evenkeel.core.content.RequiredMessages.HELP;
import static org.evenkeel.core.content.RequiredMessages.MOOD_LOGGED;
import static org.evenkeel.core.content.RequiredMessages.MOOD_LOGGED_LOW;
import static org.evenkeel.core.content.RequiredMessages.NOTHING_TO_STOP;
import static org.evenkeel.core.content.RequiredMessages.ONLY_TEXT;
import static org.evenkeel.core.content.RequiredMessages.PAUSE_INVALID;
import static org.evenkeel.core.content.RequiredMessages.SKIP_DONE;
import static org.evenkeel.core.content.RequiredMessages.SKIP_DONE_PAUSED;
import static org.evenkeel.core.content.RequiredMessages.SKIP_NOTHING;
import static org.evenkeel.core.content.RequiredMessages.STALE_BUTTON;
import static org.evenkeel.core.content.RequiredMessages.STOPPED;
import static org.evenkeel.core.content.RequiredMessages.TOO_LONG;
import static org.evenkeel.core.content.RequiredMessages.UNKNOWN_COMMAND;
import static org.evenkeel.core.content.RequiredMessages.WELCOME;
import static org.evenkeel.core.schedule.CheckinSchedule.MAX_PAUSE_DAYS;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.chart.MoodChart;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.Flow;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.effect.AppendJournal;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.ConversationStarted;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.intent.IntentClassifier;
import org.evenkeel.core.intent.IntentMatch;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.safety.CrisisSignal;
import org.evenkeel.core.safety.NormalizedText;
import org.evenkeel.core.safety.SafetyScreen;
import org.evenkeel.core.schedule.CheckinPlanner;
import org.evenkeel.core.text.FormattedText;

/**
 * Decides one turn: given what is stored about a conversation, an event and the time, it returns
 * the new state and the effects. It does no I/O and reads no clock, so the same input always gives
 * the same result.
 *
 * <p>The order is fixed: the safety screen reads every piece of free text first; then global
 * commands; then the active flow's current step; then intent guessing when no flow waits; then a
 * gentle fallback.
 */
public final class Engine {

  private static final Pattern PAYLOAD = Pattern.compile("s([0-9a-z]{1,12})\\.([a-z0-9_-]{1,32})");
  private static final String CRISIS_FLOW = "crisis";
  private static final String SOS_FLOW = "sos";
  private static final String START_FLOW = "start";
  private static final String CHECKIN_FLOW = "checkin";

  private final ContentSource content;
  private final SafetyScreen safety;
  private final IntentClassifier intents;
  private final EngineSettings settings;
  private final MoodChart.Renderer charts;
  private final FlowRunner runner = new FlowRunner(this);
  private final DailyCheckins checkins;
  private final Retention retention;

  /** An engine that shows moods as text only. */
  public Engine(
      ContentSource content,
      SafetyScreen safety,
      IntentClassifier intents,
      EngineSettings settings) {
    this(content, safety, intents, settings, MoodChart.Renderer.NONE);
  }

  public Engine(
      ContentSource content,
      SafetyScreen safety,
      IntentClassifier intents,
      EngineSettings settings,
      MoodChart.Renderer charts) {
    this.charts = requireValue(charts, "charts");
    this.content = requireValue(content, "content");
    this.safety = requireValue(safety, "safety");
    this.intents = requireValue(intents, "intents");
    this.settings = requireValue(settings, "settings");
    this.checkins = new DailyCheckins(new CheckinPlanner(settings.checkins()));
    this.retention = new Retention(settings.retention());
  }

  /** Decides the turn for {@code event}. */
  public TurnResult handle(MemberSnapshot snapshot, InboundEvent event, Instant now) {
    Turn turn = new Turn(content.current(), snapshot, now);
    Profile before = turn.profile;
    if (fromMember(event) && !turn.profile.active()) {
      // a member who writes can be written to: on a platform that sends no "unblocked" notice
      // (Discord), this is how someone marked unreachable comes back
      turn.profile = turn.profile.withActive(true);
    }
    if (event instanceof TextMessage text) {
      onText(turn, text.text());
    } else if (event instanceof CommandInvoked command) {
      onCommand(turn, command);
    } else if (event instanceof ButtonPressed button) {
      onButton(turn, button.payload());
    } else if (event instanceof ConversationStarted) {
      runner.start(turn, flow(turn, START_FLOW));
    } else if (event instanceof TimerFired timer) {
      onTimer(turn, timer);
    } else if (event instanceof UnsupportedMessage) {
      turn.say(ONLY_TEXT);
    } else if (event instanceof ReachabilityChanged change) {
      onReachability(turn, change.reachable());
    }
    if (fromMember(event)) {
      retention.memberWrote(turn);
    }
    if (!isDailyCheckin(event)) {
      checkins.afterTurn(turn, before);
    }
    return turn.result();
  }

  private static boolean isDailyCheckin(InboundEvent event) {
    return event instanceof TimerFired timer && timer.name().equals(DailyCheckins.TIMER);
  }

  private static boolean isFollowUp(InboundEvent event) {
    return event instanceof TimerFired timer && timer.name().equals(DailyCheckins.FOLLOW_UP);
  }

  private static boolean fromMember(InboundEvent event) {
    return event instanceof TextMessage
        || event instanceof CommandInvoked
        || event instanceof ButtonPressed
        || event instanceof ConversationStarted
        || event instanceof UnsupportedMessage;
  }

  /** Blocked: inactive, and a flow waiting on timers ends without a word. Unblocked: active. */
  private static void onReachability(Turn turn, boolean reachable) {
    turn.profile = turn.profile.withActive(reachable);
    if (!reachable) {
      turn.endFlow();
    }
  }

  /** What to send when a turn failed unexpectedly: a gentle apology in the member's language. */
  public List<Effect> apology(Optional<String> locale) {
    var current = content.current();
    String text =
        current.messages().get(locale.orElse(current.messages().fallbackLocale()), APOLOGY);
    return List.of(SendMessage.text(FormattedText.of(text)));
  }

  // ---- free text ----

  private void onText(Turn turn, String text) {
    // Normalised once: the screen, the stop phrases, the flow's answers and the intents share it.
    NormalizedText message = NormalizedText.of(text);
    if (screen(turn, message)) {
      return;
    }
    if (text.isBlank() || message.normalized().isEmpty()) {
      turn.say(EMPTY);
      return;
    }
    if (text.length() > settings.maxTextLength()) {
      turn.say(TOO_LONG, Map.of("max", String.format("%,d", settings.maxTextLength())));
      return;
    }
    welcomeIfNew(turn);
    Optional<Active> active = active(turn);
    if (active.isPresent()
        && !(active.get().step() instanceof Step.Pace)
        && isStopPhrase(turn, message)) {
      command(turn, "stop"); // "stop" typed mid-flow leaves it; it is never an answer
      return;
    }
    if (active.isPresent()) {
      runner.onText(turn, active.get().flow(), active.get().step(), message);
      return;
    }
    if (turn.flowRestarted) {
      return;
    }
    Optional<Integer> mood = Answers.moodOutOfFive(text);
    if (mood.isPresent()) {
      logMood(turn, mood.get());
      return;
    }
    Optional<IntentMatch> intent = intents.classify(message, turn.locale());
    if (intent.isPresent()) {
      act(turn, intent.get(), text);
    } else {
      turn.say(FALLBACK);
    }
  }

  /** Runs the safety screen; on a finding, interrupts everything and offers crisis support. */
  private boolean screen(Turn turn, NormalizedText text) {
    Optional<CrisisSignal> signal = safety.screen(text);
    if (signal.isEmpty()) {
      return false;
    }
    turn.crisis = Optional.of(signal.get().primary());
    boolean recent =
        turn.session
            .lastCrisisCardAt()
            .filter(at -> !at.plus(settings.crisisRepeatWindow()).isBefore(turn.now))
            .isPresent();
    // A repeat while the crisis flow still asks "are you safe?" keeps that question answerable.
    if (!recent || turn.position().filter(p -> p.flowId().equals(CRISIS_FLOW)).isEmpty()) {
      turn.endFlow();
    }
    if (recent) {
      turn.say(CRISIS_REPEAT);
    } else {
      runner.start(turn, flow(turn, CRISIS_FLOW));
    }
    return true;
  }

  private void act(Turn turn, IntentMatch match, String text) {
    var intent = match.intent();
    if (intent.flow().isPresent()) {
      runner.start(turn, flow(turn, intent.flow().get()));
    } else {
      command(turn, intent.command().orElseThrow());
    }
  }

  /** "4/5" typed outside a flow is a quick check-in; a low one gets a gentle offer of help. */
  private void logMood(Turn turn, int mood) {
    turn.add(new AppendJournal(JournalEntry.mood(turn.now, mood, "")));
    turn.say(mood <= 2 ? MOOD_LOGGED_LOW : MOOD_LOGGED, Map.of("mood", Integer.toString(mood)));
  }

  private boolean isStopPhrase(Turn turn, NormalizedText text) {
    String typed = FlowRunner.comparable(text);
    return turn.content.intents().intents().stream()
        .filter(
            i -> i.locale().equals(turn.locale()) && i.command().filter("stop"::equals).isPresent())
        .flatMap(i -> i.examples().stream())
        .anyMatch(example -> FlowRunner.comparable(example).equals(typed));
  }

  // ---- commands ----

  private void onCommand(Turn turn, CommandInvoked command) {
    if (!command.arguments().isBlank() && screen(turn, NormalizedText.of(command.arguments()))) {
      return;
    }
    if (!command.name().equals(START_FLOW) && !command.name().equals(SOS_FLOW)) {
      welcomeIfNew(turn);
    }
    Optional<Integer> mood =
        command.name().equals("checkin")
            ? Answers.scale(command.arguments(), 1, 5)
            : Optional.empty();
    if (mood.isPresent()) {
      logMood(turn, mood.get()); // "/checkin 4", or Discord's mood option: logged at once
      return;
    }
    command(turn, command.name(), command.arguments());
  }

  private void command(Turn turn, String name) {
    command(turn, name, "");
  }

  private void command(Turn turn, String name, String arguments) {
    switch (name) {
      case "help" -> turn.say(HELP);
      case "stop" -> {
        if (turn.position().isPresent()) {
          turn.endFlow();
          turn.say(STOPPED);
        } else {
          turn.say(NOTHING_TO_STOP);
        }
      }
      case "export" -> turn.add(new SendExport(turn.text(EXPORT_READY)));
      case "journal" -> History.journal(turn);
      case "mood" -> History.mood(turn, charts, arguments);
      case "milestone" -> turn.say(COMING_SOON, Map.of("command", "/milestone"));
      case "skip" -> skipToday(turn);
      case "pause" -> {
        if (!pauseFor(turn, arguments)) {
          startFlow(turn, name, arguments);
        }
      }
      default -> startFlow(turn, name, arguments);
    }
  }

  private void startFlow(Turn turn, String name, String arguments) {
    turn.content
        .flowForCommand(name)
        .ifPresentOrElse(
            f -> {
              int mark = turn.mark();
              runner.start(turn, f);
              preAnswer(turn, mark, arguments);
            },
            () -> turn.say(UNKNOWN_COMMAND, Map.of("command", FormattedText.escape("/" + name))));
  }

  /** "Skip today", without guilt: says when the next check-in comes instead. */
  private void skipToday(Turn turn) {
    if (!checkins.skipToday(turn)) {
      turn.say(SKIP_NOTHING);
      return;
    }
    checkins
        .next(turn.profile, turn.now)
        .ifPresentOrElse(
            at ->
                turn.say(SKIP_DONE, Map.of("next", FormattedText.escape(localDateTime(turn, at)))),
            () -> turn.say(SKIP_DONE_PAUSED));
  }

  /**
   * "/pause 3" pauses for that many days at once; "/pause off" (or "resume") resumes. Returns false
   * when the arguments say neither, so the pause flow asks.
   */
  private static boolean pauseFor(Turn turn, String arguments) {
    String typed = arguments.strip().toLowerCase(Locale.ROOT);
    if (typed.matches("\\d{1,3}")) {
      int days = Integer.parseInt(typed);
      if (days >= 1 && days <= MAX_PAUSE_DAYS) {
        StepEffects.pause(turn, days);
        return true;
      }
      turn.say(PAUSE_INVALID, Map.of("max", Integer.toString(MAX_PAUSE_DAYS)));
      return true;
    }
    if (typed.equals("off") || typed.equals("resume")) {
      StepEffects.resume(turn);
      return true;
    }
    return false;
  }

  /** A moment in the member's zone and language, such as "Tue 9 Dec, 20:03". */
  private static String localDateTime(Turn turn, Instant at) {
    return at.atZone(turn.zone())
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(turn.locale())));
  }

  /**
   * A command's arguments answer the flow's first questions, so "/settings zone Europe/Berlin" (or
   * a Discord option) goes straight to the point: a word that names a choice picks it, and the rest
   * answers a question for text that follows such a choice. A question answered this way is not
   * asked; the first one the arguments do not answer is asked as usual. Words after a command whose
   * flow begins with a question for text are not an answer ("/ground please" starts grounding from
   * the top).
   */
  private void preAnswer(Turn turn, int mark, String arguments) {
    String rest = arguments.strip();
    int prompt = mark;
    boolean choseOne = false;
    while (!rest.isEmpty()) {
      Optional<Active> active = active(turn);
      if (active.isEmpty()) {
        return;
      }
      Step step = active.get().step();
      int answer = turn.mark();
      if (step instanceof Step.AskChoice) {
        String[] split = rest.split("\\s+", 2);
        if (!runner.onButton(turn, active.get().flow(), step, split[0].toLowerCase(Locale.ROOT))) {
          return;
        }
        rest = split.length > 1 ? split[1] : "";
        choseOne = true;
      } else if (step instanceof Step.AskText && choseOne) {
        long seq = turn.position().orElseThrow().stepSeq();
        runner.onText(turn, active.get().flow(), step, NormalizedText.of(rest));
        if (turn.position().filter(p -> p.stepSeq() == seq).isPresent()) {
          return; // not an answer it takes: it said why and asks again
        }
        rest = "";
      } else {
        return;
      }
      prompt = answer - turn.dropMessages(prompt, answer);
    }
  }

  // ---- buttons and timers ----

  private void onButton(Turn turn, String payload) {
    Matcher m = PAYLOAD.matcher(payload);
    Optional<Active> active = active(turn);
    if (turn.flowRestarted) {
      return;
    }
    if (!m.matches() || active.isEmpty()) {
      turn.say(STALE_BUTTON);
      return;
    }
    long seq;
    try {
      seq = Long.parseLong(m.group(1), 36);
    } catch (NumberFormatException e) {
      turn.say(STALE_BUTTON);
      return;
    }
    if (seq != turn.position().orElseThrow().stepSeq()
        || !runner.onButton(turn, active.get().flow(), active.get().step(), m.group(2))) {
      turn.say(STALE_BUTTON);
    }
  }

  private void onTimer(Turn turn, TimerFired timer) {
    if (isDailyCheckin(timer)) {
      checkins.onDue(turn, timer, () -> runner.start(turn, flow(turn, CHECKIN_FLOW)));
      return;
    }
    if (Retention.isRetentionTimer(timer.name())) {
      retention.onTimer(turn, timer.name());
      return;
    }
    if (isFollowUp(timer)) {
      checkins.onFollowUp(
          turn,
          timer,
          CHECKIN_FLOW,
          () -> {
            Flow checkin = flow(turn, CHECKIN_FLOW);
            turn.say(CHECKIN_FOLLOW_UP);
            runner.go(turn, checkin, new Target.ToStep(checkin.startStep().id()));
          });
      return;
    }
    Optional<FlowPosition> position = turn.position();
    if (position.isEmpty()) {
      return; // the flow ended since: a stale timer does nothing
    }
    boolean own = position.get().pendingTimer().filter(timer.name()::equals).isPresent();
    String fire = position.get().namedTimers().get(timer.name());
    if (!own && fire == null) {
      return;
    }
    Optional<Active> active = active(turn);
    if (active.isEmpty()) {
      return;
    }
    if (own) {
      runner.onTimer(turn, active.get().flow(), active.get().step());
    } else {
      runner.onNamedTimer(turn, active.get().flow(), timer.name(), fire);
    }
  }

  // ---- flows ----

  /** The flow in progress and its current step, on the version the member started. */
  private Optional<Active> active(Turn turn) {
    Optional<FlowPosition> position = turn.position();
    if (position.isEmpty()) {
      return Optional.empty();
    }
    FlowPosition p = position.get();
    Optional<Flow> flow = content.flowVersion(p.flowId(), p.flowHash());
    Optional<Step> step = flow.flatMap(f -> f.step(p.stepId()));
    if (step.isPresent()) {
      return Optional.of(new Active(flow.get(), step.get()));
    }
    // The version the member began is gone: restart politely on the current one, if it exists.
    turn.endFlow();
    Optional<Flow> current = turn.content.flow(p.flowId());
    if (current.isPresent()) {
      turn.say(FLOW_UPDATED);
      turn.flowRestarted = true;
      runner.start(turn, current.get());
    }
    return Optional.empty();
  }

  Flow flow(Turn turn, String id) {
    return turn.content
        .flow(id)
        .orElseThrow(() -> new IllegalStateException("content has no flow '" + id + "'"));
  }

  private void welcomeIfNew(Turn turn) {
    if (!turn.snapshot.knownMember() && turn.session.version() == 0 && !turn.welcomed) {
      turn.welcomed = true;
      turn.say(WELCOME);
    }
  }

  private record Active(Flow flow, Step step) {}
}
