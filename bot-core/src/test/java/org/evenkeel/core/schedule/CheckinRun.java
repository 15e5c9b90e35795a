package org.evenkeel.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.evenkeel.core.schedule.CheckinDecision.Send;
import org.evenkeel.core.schedule.CheckinDecision.Skip;
import org.evenkeel.core.schedule.CheckinDecision.SkipReason;

/**
 * The scheduler loop for one member, as the due-queue runs it: one item at {@link
 * CheckinPlanner#nextDue}, claimed at its due instant (or later, after downtime), the decision
 * applied and the item put back at the decision's {@code next}. Time only moves when a test says
 * so.
 */
final class CheckinRun {

  /** A check-in that went out. */
  record Sent(LocalDate date, Instant at, boolean late) {
    static Sent onTime(String date, String at) {
      return new Sent(LocalDate.parse(date), OffsetDateTime.parse(at).toInstant(), false);
    }
  }

  private static final int MAX_CLAIMS = 10_000;

  private final CheckinPlanner planner;
  private final String member;
  private CheckinSchedule schedule;
  private Optional<Instant> due;
  private final List<Sent> sent = new ArrayList<>();
  private final List<SkipReason> skips = new ArrayList<>();

  CheckinRun(CheckinPlanner planner, String member, CheckinSchedule schedule, Instant start) {
    this.planner = planner;
    this.member = member;
    this.schedule = schedule;
    this.due = planner.nextDue(schedule, member, start);
  }

  /** Claims every item due before {@code end}, each at its due instant. */
  CheckinRun runUntil(Instant end) {
    for (int i = 0; due.isPresent() && due.get().isBefore(end); i++) {
      if (i == MAX_CLAIMS) {
        throw new AssertionError("the due item keeps coming back at " + due.get());
      }
      claim(due.get());
    }
    return this;
  }

  CheckinRun runUntil(String end) {
    return runUntil(OffsetDateTime.parse(end).toInstant());
  }

  /** The bot is down until {@code back}; the item that fell due meanwhile is claimed then. */
  CheckinRun downUntil(Instant back) {
    if (due.isPresent() && due.get().isBefore(back)) {
      claim(back);
    }
    return this;
  }

  CheckinRun downUntil(String back) {
    return downUntil(OffsetDateTime.parse(back).toInstant());
  }

  /** The member changes their schedule; the queued item stays where it was (it may be stale). */
  CheckinRun change(UnaryOperator<CheckinSchedule> change) {
    schedule = change.apply(schedule);
    return this;
  }

  /** The member changes their schedule and the settings flow re-plans the queued item. */
  CheckinRun changeAndReplan(UnaryOperator<CheckinSchedule> change, Instant now) {
    schedule = change.apply(schedule);
    due = planner.nextDue(schedule, member, now);
    return this;
  }

  private void claim(Instant now) {
    CheckinDecision decision = planner.onDue(schedule, member, due.get(), now);
    if (decision instanceof Send send) {
      sent.add(new Sent(send.localDate(), now, send.late()));
      schedule = schedule.sentOn(send.localDate());
    } else if (decision instanceof Skip skip) {
      skips.add(skip.reason());
    }
    due = decision.next();
  }

  List<Sent> sent() {
    return sent;
  }

  List<SkipReason> skips() {
    return skips;
  }

  Optional<Instant> due() {
    return due;
  }

  CheckinSchedule schedule() {
    return schedule;
  }
}
