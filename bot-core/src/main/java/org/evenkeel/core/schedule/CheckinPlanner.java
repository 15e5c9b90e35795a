package org.evenkeel.core.schedule;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.evenkeel.core.schedule.CheckinDecision.Send;
import org.evenkeel.core.schedule.CheckinDecision.Skip;
import org.evenkeel.core.schedule.CheckinDecision.SkipReason;

/**
 * Decides when each member's daily check-in is due and, when a due item is claimed, whether to send
 * it. Pure: no clock, no store, no threads; the same inputs give the same answer on every instance.
 * The rules (daylight saving, quiet hours, zone changes, downtime) are in the package
 * documentation.
 *
 * <p>The scheduler loop keeps one due item per member, at {@link #nextDue}; when it is claimed it
 * calls {@link #onDue}, sends if told to, records {@link CheckinSchedule#sentOn} atomically with
 * the claim, and puts the item back at the decision's {@code next}.
 */
public final class CheckinPlanner {

  /**
   * How long after its slot a check-in still counts as on time: the poll loop and a retried claim
   * add seconds, which no member notices; later than this the message may say it is late.
   */
  public static final Duration LATE_AFTER = Duration.ofMinutes(1);

  private final SchedulingSettings settings;
  private final Jitter jitter;

  public CheckinPlanner(SchedulingSettings settings) {
    this.settings = requireValue(settings, "settings");
    this.jitter = new Jitter(settings.maxJitter());
  }

  public SchedulingSettings settings() {
    return settings;
  }

  /**
   * When the member's next check-in is due: the earliest slot at or after {@code now} on a chosen
   * day of the week, after the last sent date, not the skipped date, and not in a pause. A slot
   * exactly at {@code now} counts, unless its date was sent (then the next date's is returned).
   * Empty while paused until resumed.
   */
  public Optional<Instant> nextDue(CheckinSchedule schedule, String memberKey, Instant now) {
    requireValue(schedule, "schedule");
    requireValue(now, "now");
    return calendar(schedule, memberKey).firstSendableFrom(now).map(Slot::at);
  }

  /**
   * What to do with a claimed due item planned for {@code dueAt}, at {@code now} (possibly much
   * later, after downtime). Only the latest slot at or before {@code now} of the current schedule
   * can be sent: when its date is not sent, not skipped, not paused (at its slot or now) and it is
   * at most {@code grace} old. Anything older is never sent, so there is no backlog; {@code dueAt}
   * only names the reason of a skip.
   */
  public CheckinDecision onDue(
      CheckinSchedule schedule, String memberKey, Instant dueAt, Instant now) {
    requireValue(schedule, "schedule");
    requireValue(dueAt, "dueAt");
    requireValue(now, "now");
    SlotCalendar calendar = calendar(schedule, memberKey);
    Slot latest = calendar.latestAtOrBefore(now);
    Optional<SkipReason> obstacle = obstacle(schedule, latest, now);
    if (obstacle.isEmpty()) {
      boolean late = Duration.between(latest.at(), now).compareTo(LATE_AFTER) > 0;
      return new Send(latest.date(), late, nextDue(schedule.sentOn(latest.date()), memberKey, now));
    }
    return new Skip(
        reason(calendar, dueAt, now, obstacle.get()), nextDue(schedule, memberKey, now));
  }

  /**
   * When to send the one gentle follow-up to a check-in sent at {@code sentAt} that is still
   * unanswered: {@code followUpAfter} later, delayed past quiet hours; none if that is in a pause
   * or not before the next check-in. The caller drops it when the member answers first.
   *
   * @param schedule the schedule after the check-in was recorded with {@link
   *     CheckinSchedule#sentOn}
   */
  public Optional<Instant> followUpDue(CheckinSchedule schedule, String memberKey, Instant sentAt) {
    requireValue(schedule, "schedule");
    requireValue(sentAt, "sentAt");
    require(
        schedule.lastSent().isPresent(),
        "followUpDue needs the schedule with the check-in recorded (sentOn) but lastSent is empty");
    Duration offset = jitter.offsetFor(memberKey);
    Instant plain = sentAt.plus(settings.followUpAfter());
    Instant at = schedule.quiet().map(q -> q.delay(plain, schedule.zone(), offset)).orElse(plain);
    boolean paused = schedule.pause().filter(p -> p.covers(at)).isPresent();
    boolean beforeNext = nextDue(schedule, memberKey, sentAt).map(at::isBefore).orElse(true);
    return !paused && beforeNext ? Optional.of(at) : Optional.empty();
  }

  private Optional<SkipReason> obstacle(CheckinSchedule schedule, Slot slot, Instant now) {
    if (schedule.sentThrough(slot.date())) {
      return Optional.of(SkipReason.ALREADY_SENT);
    }
    if (schedule.skipped().equals(Optional.of(slot.date()))) {
      return Optional.of(SkipReason.MEMBER_SKIPPED);
    }
    if (schedule.pause().filter(p -> p.covers(slot.at()) || p.covers(now)).isPresent()) {
      return Optional.of(SkipReason.PAUSED);
    }
    if (Duration.between(slot.at(), now).compareTo(settings.grace()) > 0) {
      return Optional.of(SkipReason.GRACE_EXCEEDED);
    }
    return Optional.empty();
  }

  /** Why nothing is sent: an early or stale item says so; else what stands in the slot's way. */
  private static SkipReason reason(
      SlotCalendar calendar, Instant dueAt, Instant now, SkipReason obstacle) {
    if (now.isBefore(dueAt)) {
      return SkipReason.NOT_DUE_YET;
    }
    return calendar.isSlot(dueAt) ? obstacle : SkipReason.SCHEDULE_CHANGED;
  }

  private SlotCalendar calendar(CheckinSchedule schedule, String memberKey) {
    return new SlotCalendar(schedule, jitter.offsetFor(memberKey));
  }
}
