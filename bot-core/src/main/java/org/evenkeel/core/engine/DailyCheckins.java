package org.evenkeel.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.event.TimerFired;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.schedule.CheckinDecision;
import org.evenkeel.core.schedule.CheckinPlanner;
import org.evenkeel.core.schedule.CheckinSchedule;
import org.evenkeel.core.schedule.Pause;
import org.evenkeel.core.schedule.SchedulingSettings;

/**
 * The daily check-in, through the one due-queue: a member with a time zone and a check-in time has
 * one named timer ({@link #TIMER}) at their next check-in ({@link CheckinPlanner}), set or moved in
 * the same turn that changes what it depends on — zone, time, pause, being reachable — and so
 * committed with it. When it fires, the planner decides from the profile as it is then: the
 * check-in flow starts and the local date is recorded, which keeps it to one a date however often
 * the timer comes; after downtime at most one late check-in goes out. Either way the next one is
 * set.
 *
 * <p>A paced exercise the member is watching (its timer running) is not interrupted: that day's
 * check-in is skipped. A question left waiting for an answer is not an exercise under way — it may
 * have waited since yesterday — so the check-in the member asked for at this time replaces it.
 *
 * <p>A check-in still unanswered after {@link SchedulingSettings#followUpAfter()} gets one gentle
 * follow-up ({@link #FOLLOW_UP}, outside quiet hours, never into a pause or past the next
 * check-in): the check-in flow remembers in {@link #DAILY_VAR} the question it started with, and
 * the follow-up only comes while that very question still waits. Anything the member does in
 * between moves the flow on, so nothing needs cancelling.
 */
final class DailyCheckins {

  /** The timer's name; not a pacing timer, so a check-in goes out in the proactive lane. */
  static final String TIMER = "checkin.daily";

  /** The timer of the gentle follow-up to an unanswered check-in; also proactive. */
  static final String FOLLOW_UP = "checkin.followup";

  /** The flow variable holding the step number of the daily check-in's first question. */
  static final String DAILY_VAR = "_daily";

  private final CheckinPlanner planner;

  DailyCheckins(CheckinPlanner planner) {
    this.planner = planner;
  }

  /** Moves the timer when the turn changed what it depends on. */
  void afterTurn(Turn turn, Profile before) {
    if (inputs(before).equals(inputs(turn.profile))) {
      return;
    }
    Optional<Instant> next =
        schedule(turn.profile).flatMap(s -> planner.nextDue(s, key(turn.profile), turn.now));
    turn.add(
        next.<org.evenkeel.core.effect.Effect>map(at -> new StartTimer(TIMER, at, false))
            .orElseGet(() -> new CancelTimer(TIMER)));
  }

  /** The timer came: a check-in, or not, and the next one. */
  void onDue(Turn turn, TimerFired timer, Runnable startCheckin) {
    Optional<CheckinSchedule> schedule = schedule(turn.profile);
    if (schedule.isEmpty()) {
      return; // no longer wanted: nothing, and no next one
    }
    CheckinDecision decision =
        planner.onDue(schedule.get(), key(turn.profile), timer.dueAt(), turn.now);
    Optional<Instant> next = decision.next();
    if (decision instanceof CheckinDecision.Send send) {
      turn.profile = turn.profile.withLastCheckin(send.localDate());
      boolean pacing = turn.position().flatMap(p -> p.pendingTimer()).isPresent();
      CheckinSchedule sent = schedule(turn.profile).orElseThrow();
      if (!pacing) {
        startCheckin.run();
        turn.position()
            .ifPresent(
                p -> {
                  turn.position(Optional.of(p.withVar(DAILY_VAR, Long.toString(p.stepSeq()))));
                  planner
                      .followUpDue(sent, key(turn.profile), turn.now)
                      .ifPresent(at -> turn.add(new StartTimer(FOLLOW_UP, at, false)));
                });
      }
      next = planner.nextDue(sent, key(turn.profile), turn.now);
    }
    next.ifPresent(at -> turn.add(new StartTimer(TIMER, at, false)));
  }

  /**
   * The follow-up came: when the daily check-in's first question still waits, unanswered, and
   * check-ins are still wanted, {@code nudge} says so gently and asks it again. One that comes more
   * than the grace window late (the bot was down) is dropped, like a late check-in.
   */
  void onFollowUp(Turn turn, TimerFired timer, String checkinFlow, Runnable nudge) {
    if (Duration.between(timer.dueAt(), turn.now).compareTo(planner.settings().grace()) > 0) {
      return; // the bot was down: a nudge about a check-in that old would only confuse
    }
    boolean waiting =
        turn.position()
            .filter(p -> p.flowId().equals(checkinFlow))
            .filter(p -> Long.toString(p.stepSeq()).equals(p.vars().get(DAILY_VAR)))
            .isPresent();
    boolean wanted =
        schedule(turn.profile).filter(s -> s.pause().isEmpty()).isPresent()
            && !turn.profile.pause().paused();
    if (waiting && wanted) {
      nudge.run();
    }
  }

  /**
   * "Skip today": no check-in on the member's current local date. Returns false when the member has
   * no daily check-in to skip.
   */
  boolean skipToday(Turn turn) {
    if (schedule(turn.profile).isEmpty()) {
      return false;
    }
    Profile.Routine routine = turn.profile.routine();
    turn.profile = turn.profile.withRoutine(routine.withSkipped(Optional.of(turn.today())));
    return true;
  }

  /** When the member's next check-in comes, for telling them; empty when none is planned. */
  Optional<Instant> next(Profile profile, Instant now) {
    return schedule(profile).flatMap(s -> planner.nextDue(s, key(profile), now));
  }

  /** The member's schedule, when they want check-ins and can be reached. */
  static Optional<CheckinSchedule> schedule(Profile profile) {
    if (!profile.active() || profile.zone().isEmpty() || profile.checkinTime().isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = profile.zone().get();
    Profile.Routine routine = profile.routine();
    CheckinSchedule schedule =
        new CheckinSchedule(
            zone,
            profile.checkinTime().get(),
            routine.days(),
            routine.quiet(),
            Optional.empty(),
            routine.skipped(),
            Optional.empty());
    if (profile.pause().paused()) {
      Optional<Instant> until =
          profile.pause().until().map(last -> last.plusDays(1).atStartOfDay(zone).toInstant());
      schedule = schedule.withPause(new Pause(Instant.EPOCH, until));
    }
    Optional<LocalDate> last = profile.lastCheckin();
    return Optional.of(last.isPresent() ? schedule.sentOn(last.get()) : schedule);
  }

  private static String key(Profile profile) {
    return profile.member().platform() + ":" + profile.member().userId();
  }

  /** What the timer depends on. */
  private static Object inputs(Profile p) {
    return java.util.List.of(
        p.active(),
        p.zone(),
        p.checkinTime(),
        p.pause(),
        p.routine(),
        Objects.requireNonNull(p.member()));
  }
}
