/**
 * The pure scheduling logic of daily check-ins: a member's {@link
 * org.evenkeel.core.schedule.CheckinSchedule}, the stable per-member {@link
 * org.evenkeel.core.schedule.Jitter}, and the {@link org.evenkeel.core.schedule.CheckinPlanner}
 * that turns them into due instants and send-or-skip decisions. Nothing here reads a clock or
 * touches a store: every method is given {@code now}.
 *
 * <h2>The rules</h2>
 *
 * <ul>
 *   <li><b>Slot.</b> Each allowed local date D has one slot: the check-in time on D in the member's
 *       zone, plus the member's jitter, delayed past quiet hours if it falls inside them. The slot
 *       belongs to D even when jitter or quiet hours carry it past midnight; D is the key of the
 *       at-most-once guard.
 *   <li><b>Nonexistent local time (spring forward)</b> is read with the offset in force before the
 *       gap, so it moves forward by the length of the gap: 02:30 on 8 March 2026 in New York is
 *       03:30 EDT (07:30Z), one hour after 01:30 EST. This is RFC 5545 §3.3.5 and what {@link
 *       java.time.ZonedDateTime#ofLocal} does. It keeps members whose times fall in the gap as far
 *       apart as they were, instead of piling them all on the transition instant.
 *   <li><b>Repeated local time (fall back)</b> takes the earlier offset, and only that one: 01:30
 *       on 1 November 2026 in New York is 01:30 EDT (05:30Z); 01:30 EST an hour later is not a slot
 *       (RFC 5545 §3.3.5 again).
 *   <li><b>Jitter</b> is added to the instant after the local time is resolved, so it never lands a
 *       slot in a gap.
 *   <li><b>Quiet hours</b> win over the check-in time: a slot whose wall time falls inside them is
 *       delayed to the end of that quiet period plus the member's jitter: on the same local date
 *       when the period ends that day (05:00 in 22:00–07:00 becomes 07:00), else the next morning
 *       (23:00 becomes 07:00 the next day, still D's check-in). Follow-ups are delayed the same
 *       way. A settings flow may warn with {@link org.evenkeel.core.schedule.QuietHours#contains},
 *       but nothing is refused.
 *   <li><b>At most once per local date.</b> {@code lastSent} only moves forward; no date on or
 *       before it gets a slot. After a zone change the dates are read in the new zone: a date
 *       already sent in the old zone is not sent again in the new one, so travelling west across
 *       the date line can leave a date without a check-in, travelling east can bring the next one
 *       sooner; never two for one date.
 *   <li><b>The due item is only a wake-up call.</b> What {@link
 *       org.evenkeel.core.schedule.CheckinPlanner#onDue} sends is decided from the current schedule
 *       and {@code now}: only the single most recent slot at or before {@code now} is considered,
 *       and it is sent when its date is not sent, not skipped, not paused and it is at most {@code
 *       grace} old. So after any downtime a member gets at most one late check-in, never a backlog;
 *       a stale item left by a schedule change (a new zone or time) sends nothing unless the new
 *       schedule's own latest slot is owed and within grace, which then is sent once.
 *   <li><b>Pause</b> covers the slots whose instants lie in {@code [from, until)}; the first slot
 *       at or after {@code until} is sent as usual. {@code /pause 3} pauses the rest of today and
 *       the next two local days.
 *   <li><b>Skip today</b> skips the member's current local date, and nothing else.
 * </ul>
 */
package org.evenkeel.core.schedule;
