package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.FORGET_DONE;
import static org.evenkeel.core.content.RequiredMessages.PAUSE_DONE;
import static org.evenkeel.core.content.RequiredMessages.PAUSE_INDEFINITE;
import static org.evenkeel.core.content.RequiredMessages.PAUSE_RESUMED;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.Target;
import org.evenkeel.core.effect.AppendJournal;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.ForgetMember;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.Profile;

/** What the steps that change things do: journal saves, settings, named timers and actions. */
final class StepEffects {

  private StepEffects() {}

  static void save(Turn turn, Step.Save save) {
    FlowPosition position = turn.position().orElseThrow();
    String text = fill(save.text(), position.vars()).strip();
    if (text.length() > JournalEntry.TEXT_MAX_LENGTH) {
      text = text.substring(0, JournalEntry.TEXT_MAX_LENGTH);
    }
    JournalEntry entry;
    if (save.journal() == JournalEntry.Kind.MOOD) {
      Optional<Integer> mood =
          save.moodVar().map(position.vars()::get).flatMap(v -> Answers.scale(v, 1, 10));
      if (mood.isEmpty()) {
        return;
      }
      entry = JournalEntry.mood(turn.now, mood.get(), text);
    } else if (text.isBlank()) {
      return;
    } else {
      entry =
          save.journal() == JournalEntry.Kind.GRATITUDE
              ? JournalEntry.gratitude(turn.now, text)
              : JournalEntry.note(turn.now, text);
    }
    turn.add(new AppendJournal(entry));
  }

  static String fill(String template, Map<String, String> vars) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\{([a-z][a-z0-9_]*)\\}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, java.util.regex.Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  static void applyProfile(Turn turn, Step.Profile step) {
    Map<String, String> vars = turn.position().orElseThrow().vars();
    Profile profile = turn.profile;
    for (Map.Entry<Step.Setting, String> set : step.set().entrySet()) {
      String value = vars.get(set.getValue());
      if (value == null) {
        continue;
      }
      Profile before = profile;
      profile =
          switch (set.getKey()) {
            case LOCALE ->
                turn.content.messages().locales().contains(value)
                    ? before.withLocale(value)
                    : before;
            case COUNTRY -> Answers.country(value).map(before::withCountry).orElse(before);
            case ZONE -> Answers.zone(value).map(before::withZone).orElse(before);
            case CHECKIN_TIME ->
                value.equals("none")
                    ? before.withCheckinTime(Optional.empty())
                    : Answers.time(value)
                        .map(t -> before.withCheckinTime(Optional.of(t)))
                        .orElse(before);
            case CHECKIN_DAYS ->
                Answers.days(value, turn.locale())
                    .map(d -> before.withRoutine(before.routine().withDays(d)))
                    .orElse(before);
            case QUIET_HOURS ->
                Answers.quietHours(value)
                    .map(q -> before.withRoutine(before.routine().withQuiet(q)))
                    .orElse(before);
            case CONSENT ->
                before.withConsent(
                    value.equalsIgnoreCase("yes")
                        || value.equalsIgnoreCase("true")
                        || value.equalsIgnoreCase("agree"));
          };
    }
    turn.profile = profile;
  }

  static void namedTimer(Turn turn, Step.Timer timer) {
    String name = "t." + timer.name();
    if (timer.set()) {
      turn.add(new StartTimer(name, turn.now.plus(timer.after().orElseThrow()), false));
      turn.position(turn.position().map(p -> p.withNamedTimer(name, timer.fire())));
    } else {
      turn.add(new CancelTimer(name));
      turn.position(turn.position().map(p -> p.withNamedTimer(name, Optional.empty())));
    }
  }

  static Target act(Turn turn, Step.Action action) {
    switch (action.action()) {
      case SOS -> CrisisCard.send(turn);
      case EXPORT ->
          turn.add(
              new SendExport(turn.text(org.evenkeel.core.content.RequiredMessages.EXPORT_READY)));
      case FORGET -> {
        turn.endFlow();
        turn.add(new ForgetMember());
        turn.say(FORGET_DONE);
        return new Target.End();
      }
      case PAUSE -> pause(turn, Integer.parseInt(action.args().get("days")));
      case RESUME -> resume(turn);
    }
    return action.next();
  }

  static void resume(Turn turn) {
    turn.profile = turn.profile.withPause(Profile.Pause.NONE);
    turn.say(PAUSE_RESUMED);
  }

  static void pause(Turn turn, int days) {
    if (days == 0) {
      turn.profile = turn.profile.withPause(Profile.Pause.indefinitely());
      turn.say(PAUSE_INDEFINITE);
      return;
    }
    LocalDate lastPaused = turn.today().plusDays(days - 1L);
    turn.profile = turn.profile.withPause(Profile.Pause.until(lastPaused));
    String resume =
        lastPaused
            .plusDays(1)
            .format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(Locale.forLanguageTag(turn.locale())));
    turn.say(PAUSE_DONE, Map.of("until", resume));
  }
}
