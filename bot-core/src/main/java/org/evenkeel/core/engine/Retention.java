package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.RETENTION_DELETED;
import static org.evenkeel.core.content.RequiredMessages.RETENTION_WARNING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.ForgetMember;
import org.evenkeel.core.effect.StartTimer;

/**
 * The retention period, through the due-queue: a member's first message of a day records the date
 * and sets a warning timer for {@code inactiveAfter − warning} later (cancelling any deletion under
 * way), so a member who keeps writing never hears of it and costs one timer move a day. When the
 * warning comes the member is told when their data goes and that any message keeps it; if nothing
 * comes before then, everything about them is deleted, as {@code /forget} does, with a last word.
 * Off (the default) nothing is tracked.
 */
final class Retention {

  static final String WARN = "retention.warn";
  static final String DELETE = "retention.delete";

  private final EngineSettings.Retention settings;

  Retention(EngineSettings.Retention settings) {
    this.settings = settings;
  }

  static boolean isRetentionTimer(String name) {
    return name.equals(WARN) || name.equals(DELETE);
  }

  /** The member wrote: the clock starts again (once a day). */
  void memberWrote(Turn turn) {
    if (!settings.deletes()) {
      return;
    }
    LocalDate today = turn.today();
    if (turn.profile.lastActive().equals(Optional.of(today))) {
      return;
    }
    turn.profile = turn.profile.withLastActive(today);
    Instant warnAt = turn.now.plus(settings.inactiveAfter()).minus(settings.warning());
    turn.add(new StartTimer(WARN, warnAt, false));
    turn.add(new CancelTimer(DELETE));
  }

  /** A retention timer came. */
  void onTimer(Turn turn, String name) {
    if (!settings.deletes()) {
      return;
    }
    if (name.equals(WARN)) {
      Instant deleteAt = turn.now.plus(settings.warning());
      String date =
          deleteAt
              .atZone(turn.zone())
              .toLocalDate()
              .format(
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                      .withLocale(Locale.forLanguageTag(turn.locale())));
      turn.say(
          RETENTION_WARNING,
          Map.of("days", Long.toString(settings.inactiveAfter().toDays()), "date", date));
      turn.add(new StartTimer(DELETE, deleteAt, false));
    } else {
      turn.endFlow();
      turn.add(new ForgetMember());
      turn.say(RETENTION_DELETED);
    }
  }
}
