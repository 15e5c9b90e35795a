package org.evenkeel.core.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.text.FormattedText;

/**
 * The working state of one turn: what was loaded, what has changed so far and the effects decided.
 * Confined to the thread handling the turn; the engine returns only its immutable {@link
 * TurnResult}.
 */
final class Turn {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

  final Content content;
  final MemberSnapshot snapshot;
  final Instant now;
  Session session;
  Profile profile;

  /** The welcome for a first-time member was said this turn. */
  boolean welcomed;

  /** The member's flow version was gone and the flow restarted: the event is used up. */
  boolean flowRestarted;

  // What the crisis screen found in this turn's message, for the operator's counts.
  java.util.Optional<org.evenkeel.core.content.CrisisCategory> crisis = java.util.Optional.empty();

  private final List<Effect> effects = new ArrayList<>();

  Turn(Content content, MemberSnapshot snapshot, Instant now) {
    this.content = content;
    this.snapshot = snapshot;
    this.now = now;
    this.session = snapshot.session();
    this.profile = snapshot.profile();
  }

  String locale() {
    return profile.locale().orElse(content.messages().fallbackLocale());
  }

  ZoneId zone() {
    return profile.zone().orElse(ZoneOffset.UTC);
  }

  LocalDate today() {
    return now.atZone(zone()).toLocalDate();
  }

  Optional<FlowPosition> position() {
    return session.flow();
  }

  void position(Optional<FlowPosition> position) {
    session = session.withFlow(position);
  }

  long nextStepSeq() {
    long seq = session.stepSeqCounter() + 1;
    session = session.withStepSeqCounter(seq);
    return seq;
  }

  /** How many effects the turn has decided so far: a mark for {@link #dropMessages}. */
  int mark() {
    return effects.size();
  }

  /**
   * Takes back the messages decided from mark {@code from} to mark {@code to} (a question answered
   * before it was sent), keeping the other effects.
   *
   * @return how many were taken back
   */
  int dropMessages(int from, int to) {
    List<Effect> span = effects.subList(from, to);
    int before = span.size();
    span.removeIf(e -> e instanceof org.evenkeel.core.effect.SendMessage);
    return before - span.size();
  }

  void add(Effect effect) {
    effects.add(effect);
  }

  /** The localized text of {@code key} with placeholders filled from flow answers and params. */
  FormattedText text(String key, Map<String, String> params) {
    String template = content.messages().get(locale(), key);
    Map<String, String> vars = position().map(FlowPosition::vars).orElse(Map.of());
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value =
          params.containsKey(name)
              ? params.get(name)
              : vars.containsKey(name) ? FormattedText.escape(vars.get(name)) : "";
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return FormattedText.of(out.toString());
  }

  FormattedText text(String key) {
    return text(key, Map.of());
  }

  String label(String key) {
    return content.messages().get(locale(), key);
  }

  void say(String key) {
    add(SendMessage.text(text(key)));
  }

  void say(String key, Map<String, String> params) {
    add(SendMessage.text(text(key, params)));
  }

  void say(String key, List<Choice> choices) {
    add(SendMessage.withChoices(text(key), choices));
  }

  /** Cancels the timers of the flow in progress and leaves it. */
  void endFlow() {
    position()
        .ifPresent(
            p -> {
              p.pendingTimer().ifPresent(t -> add(new CancelTimer(t)));
              p.namedTimers().keySet().forEach(t -> add(new CancelTimer(t)));
            });
    position(Optional.empty());
  }

  TurnResult result() {
    return new TurnResult(session, profile, effects, crisis);
  }
}
