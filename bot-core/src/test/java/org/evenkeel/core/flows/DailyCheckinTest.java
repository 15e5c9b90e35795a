package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/**
 * The daily check-in as a member lives it: set up at onboarding for 09:00 London time, one a day,
 * paused and resumed, through a spring-forward night, after days of downtime, not to someone who
 * blocked the bot. On a fake clock starting Monday 2 March 2026, 09:30 UTC (London's 09:30, so
 * Monday's check-in time has just passed when onboarding ends).
 */
class DailyCheckinTest {

  private static final String TIMER = "checkin.daily";
  private static final Duration JITTER = Duration.ofMinutes(5);

  private final Conversation chat = Members.onboarded();

  private List<DueTimer> checkinTimers() {
    return chat.allTimers().stream().filter(t -> t.name().equals(TIMER)).toList();
  }

  /** Check-ins that came: the question, less the times a follow-up asked it again. */
  private long checkinsAsked() {
    return count("checkin.ask") - count("checkin.follow_up");
  }

  private static void assertWithinJitterAfter(Instant actual, Instant slot) {
    assertThat(actual).isBetween(slot, slot.plus(JITTER));
  }

  @Test
  void onboarding_setsOneTimer_atTheNextNineOClockLondonTime() {
    assertThat(checkinTimers()).hasSize(1);
    Instant due = checkinTimers().get(0).dueAt();
    LocalTime local = due.atZone(ZoneId.of("Europe/London")).toLocalTime();
    assertThat(local).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 5));
    assertThat(checkinTimers().get(0).pacing()).isFalse();
  }

  @Test
  void theCheckIn_comesOnceADay_andAsksHowTheMemberIs() {
    long before = checkinsAsked();

    chat.wait(Duration.ofDays(3).plusHours(1)); // Monday 09:30 to Thursday 10:30 UTC

    assertThat(checkinsAsked() - before).as("Tuesday, Wednesday, Thursday").isEqualTo(3);
    assertThat(checkinTimers()).hasSize(1);
    assertThat(chat.state().profile().lastCheckin()).contains(LocalDate.parse("2026-03-05"));
  }

  @Test
  void aPauseOfThreeDays_holdsTheCheckIns_thenTheyComeBack() {
    chat.wait(Duration.ofDays(1));
    long before = checkinsAsked();
    chat.say("/pause");
    chat.tap(chat.message("pause.option.three_days"));

    chat.wait(Duration.ofDays(3).minusHours(1));
    assertThat(checkinsAsked()).isEqualTo(before);

    chat.wait(Duration.ofDays(2));
    assertThat(checkinsAsked()).isGreaterThan(before);
  }

  @Test
  void afterThreeDaysOfDowntime_exactlyOneLateCheckIn_thenTheUsualOnes() {
    long before = checkinsAsked();

    chat.resumeAfter(Duration.ofDays(3)); // back Thursday 09:30: Thursday's is owed, late

    assertThat(checkinsAsked() - before).isEqualTo(1);
    chat.wait(Duration.ofDays(1));
    assertThat(checkinsAsked() - before).isEqualTo(2);
  }

  @Test
  void aMemberWhoBlockedTheBot_hasNoCheckInTimer_andGetsItBackWhenTheyWrite() {
    chat.send(new ReachabilityChanged("blocked", chat.address, false));
    assertThat(checkinTimers()).isEmpty();
    long before = checkinsAsked();
    chat.wait(Duration.ofDays(2));
    assertThat(checkinsAsked()).isEqualTo(before);

    chat.say("/help");

    assertThat(checkinTimers()).hasSize(1);
  }

  @Test
  void onTheSpringForwardNight_aCheckInAtTwoThirty_comesAtThreeThirtyNewYorkTime_once() {
    chat.clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    chat.say("/settings zone America/New_York");
    chat.say("/settings");
    chat.tap(chat.message("settings.time"));
    chat.tap(chat.message("setup.time.other"));
    chat.say("02:30");
    long before = checkinsAsked();

    // 2:30 does not exist on 8 March in New York: the slot moves on by the gap, to 3:30 EDT
    Instant slot = OffsetDateTime.parse("2026-03-08T03:30-04:00").toInstant();
    assertThat(checkinTimers())
        .singleElement()
        .satisfies(t -> assertWithinJitterAfter(t.dueAt(), slot));
    chat.wait(Duration.ofDays(1));
    assertThat(checkinsAsked() - before).isEqualTo(1);
  }

  @Test
  void aBreathingExerciseUnderWay_isNotInterrupted_andThatDaysCheckInIsSkipped() {
    chat.wait(Duration.ofHours(1));
    Instant next = checkinTimers().get(0).dueAt();
    chat.clock.set(next.minusSeconds(20));
    chat.say("/breathe");
    chat.tap(chat.message("breathe.box.label"));
    long before = checkinsAsked();

    chat.wait(Duration.ofSeconds(40)); // the check-in comes due mid-exercise

    assertThat(checkinsAsked()).isEqualTo(before);
    assertThat(chat.state().session().flow().map(f -> f.flowId())).contains("breathe-box");
    assertThat(checkinTimers()).singleElement().satisfies(t -> assertThat(t.dueAt()).isAfter(next));
  }

  @Test
  void aQuestionLeftUnanswered_isReplacedByTheCheckIn() {
    chat.wait(Duration.ofHours(1));
    chat.say("/gratitude"); // and never answers
    long before = checkinsAsked();

    chat.wait(Duration.ofDays(1));

    assertThat(checkinsAsked()).isEqualTo(before + 1);
    assertThat(chat.state().session().flow().map(f -> f.flowId())).contains("checkin");
  }

  private long count(String key) {
    String text = chat.message(key);
    return chat.transcript().stream()
        .filter(
            e ->
                e instanceof org.evenkeel.core.effect.SendMessage m
                    && m.text().plainText().equals(text))
        .count();
  }

  private void chooseSetting(String setting) {
    chat.say("/settings");
    chat.tap(chat.message(setting));
  }

  @Test
  void weekdaysOnly_noCheckInOnSaturdayOrSunday() {
    chooseSetting("settings.days");
    chat.tap(chat.message("settings.days_weekdays"));
    long before = checkinsAsked();

    chat.wait(Duration.ofDays(6)); // Monday 09:30 to Sunday 09:30

    assertThat(checkinsAsked() - before).as("Tuesday to Friday").isEqualTo(4);
    assertThat(checkinTimers())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.dueAt().atZone(ZoneId.of("Europe/London")).getDayOfWeek())
                    .isEqualTo(DayOfWeek.MONDAY));
  }

  @Test
  void daysTypedByName_areKept_andAnUnreadableAnswerIsAskedAgain() {
    chooseSetting("settings.days");
    chat.tap(chat.message("settings.days_other"));
    chat.say("mon, wed and funday");
    chat.expect(chat.message("days.invalid"));

    chat.say("Mon, wednesday, FRI");

    assertThat(chat.state().profile().routine().days())
        .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    assertThat(checkinTimers())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.dueAt().atZone(ZoneId.of("Europe/London")).getDayOfWeek())
                    .isEqualTo(DayOfWeek.WEDNESDAY));
  }

  @Test
  void quietHoursOverTheCheckInTime_moveItToTheirEnd() {
    chooseSetting("settings.quiet");
    chat.tap(chat.message("settings.quiet_other"));

    chat.say("6am to 10:30");

    assertThat(chat.state().profile().routine().quiet().map(Object::toString))
        .contains("0600-1030");
    // Monday's 09:00 had passed unsent; moved to the end of the quiet hours, it is still to come
    Instant monday = OffsetDateTime.parse("2026-03-02T10:30Z").toInstant();
    assertThat(checkinTimers())
        .singleElement()
        .satisfies(t -> assertWithinJitterAfter(t.dueAt(), monday));
    chat.wait(Duration.ofHours(1).plusMinutes(10)); // Monday 10:40
    assertThat(chat.state().profile().lastCheckin()).contains(LocalDate.parse("2026-03-02"));
    Instant tuesday = OffsetDateTime.parse("2026-03-03T10:30Z").toInstant();
    assertThat(checkinTimers())
        .singleElement()
        .satisfies(t -> assertWithinJitterAfter(t.dueAt(), tuesday));
  }

  @Test
  void skipToday_holdsTodaysCheckIn_withoutTouchingTomorrows() {
    chat.wait(Duration.ofHours(22).plusMinutes(30)); // Tuesday 08:00, before its check-in
    long before = checkinsAsked();

    chat.say("/skip");

    chat.expect("No check-in today");
    chat.wait(Duration.ofHours(2)); // Tuesday 10:00
    assertThat(checkinsAsked()).isEqualTo(before);
    chat.wait(Duration.ofDays(1)); // Wednesday 10:00
    assertThat(checkinsAsked()).isEqualTo(before + 1);
    assertThat(chat.state().profile().routine().skipped()).contains(LocalDate.parse("2026-03-03"));
  }

  @Test
  void skip_whenNoCheckInIsSetUp_saysSoKindly() {
    chooseSetting("settings.time");
    chat.tap(chat.message("setup.time.none"));

    chat.say("/skip");

    chat.expect(chat.message("skip.nothing"));
    assertThat(chat.state().profile().routine().skipped()).isEmpty();
  }

  @Test
  void pauseWithANumber_pausesThatManyDays_andOffResumes() {
    long before = checkinsAsked();

    chat.say("/pause 2"); // Monday: Monday and Tuesday paused, back on Wednesday
    chat.expect("paused until");
    chat.wait(Duration.ofDays(1).plusHours(2));
    assertThat(checkinsAsked()).isEqualTo(before);
    chat.say("/pause 999");
    chat.expect(chat.message("pause.invalid").replace("{max}", "366"));
    chat.say("/pause off");
    chat.expect(chat.message("pause.resumed"));
    chat.wait(Duration.ofDays(1));
    assertThat(checkinsAsked()).isEqualTo(before + 1);
  }

  @Test
  void anUnansweredCheckIn_getsOneGentleFollowUp_andItsQuestionAgain() {
    chat.wait(Duration.ofDays(1)); // Tuesday 09:30: Tuesday's check-in came and waits
    long asked = checkinsAsked();

    chat.wait(Duration.ofHours(5)); // 4 hours on, the follow-up

    assertThat(count("checkin.follow_up")).isEqualTo(1);
    assertThat(count("checkin.ask")).as("the question again").isEqualTo(asked + 1);
    chat.wait(Duration.ofHours(12));
    assertThat(count("checkin.follow_up")).as("at most one").isEqualTo(1);
    chat.tap("4"); // the question asked again takes the answer
    chat.tap(chat.message("checkin.note.none"));
    assertThat(chat.state().recentJournal()).anySatisfy(e -> assertThat(e.mood()).contains(4));
  }

  @Test
  void aFollowUpDueWhileTheBotWasDown_isDropped_notSentLate() {
    chat.wait(Duration.ofDays(1)); // Tuesday 09:30: Tuesday's check-in waits unanswered

    chat.resumeAfter(Duration.ofHours(12)); // down until 21:30; the 13:30 follow-up is 8 h late

    assertThat(count("checkin.follow_up")).isZero();
  }

  @Test
  void anAnsweredCheckIn_getsNoFollowUp() {
    chat.wait(Duration.ofDays(1));
    chat.tap("4");

    chat.wait(Duration.ofHours(8));

    assertThat(count("checkin.follow_up")).isZero();
  }

  @Test
  void aCheckInTheMemberStartedThemselves_getsNoFollowUp() {
    chat.say("/checkin"); // Monday 09:30, after the day's check-in time: none comes today

    chat.wait(Duration.ofHours(8));

    assertThat(count("checkin.follow_up")).isZero();
  }
}
