package org.evenkeel.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.evenkeel.core.content.Messages;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.schedule.Jitter;
import org.evenkeel.core.schedule.SchedulingSettings;
import org.evenkeel.core.text.FormattedText;

/**
 * Many members whose daily check-ins all come due in one minute, {@link #SLOT} to {@link
 * #SLOT_END}, set up the way members do it: two real turns each, {@code /settings zone <zone>} and
 * {@code /settings time other <hh:mm>}. They live in seven zones, each at the local time that is
 * 09:00 UTC on Monday 2 March 2026 there (Tokyo 18:00, Kolkata 14:30, New York 04:00, …).
 *
 * <p>The engine spreads the check-ins chosen for one local time over five minutes with a stable
 * per-member {@link Jitter}. To bring them all into one minute each member's time is set back by
 * the whole minutes of their own jitter, so what is left of it is the seconds within the minute.
 * {@link #slotOf} says where each member's check-in should come; a test checks the timers the
 * engine actually set against it before relying on it.
 */
public final class CheckinCrowd {

  /** The platform of every member; the jitter key is {@code <platform>:<userId>}. */
  public static final String PLATFORM = "test";

  /** When the members set their check-ins up: Monday 2 March 2026, 08:00 UTC. */
  public static final Instant SETUP = Instant.parse("2026-03-02T08:00:00Z");

  /** The minute in which every member's Monday check-in comes due. */
  public static final Instant SLOT = Instant.parse("2026-03-02T09:00:00Z");

  /** The end (exclusive) of that minute. */
  public static final Instant SLOT_END = SLOT.plus(Duration.ofMinutes(1));

  private static final List<ZoneId> ZONES =
      List.of(
              "Europe/London",
              "Europe/Berlin",
              "America/New_York",
              "Asia/Tokyo",
              "Asia/Kolkata",
              "Australia/Sydney",
              "America/Sao_Paulo")
          .stream()
          .map(ZoneId::of)
          .toList();

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final int size;
  private final Jitter jitter = new Jitter(SchedulingSettings.DEFAULTS.maxJitter());

  public CheckinCrowd(int size) {
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** Member {@code i}'s private chat. */
  public ConversationAddress address(int i) {
    return ConversationAddress.direct(PLATFORM, "crowd-" + i);
  }

  /** Member {@code i}'s zone. */
  public ZoneId zone(int i) {
    return ZONES.get(i % ZONES.size());
  }

  /** The check-in time member {@code i} chooses: 09:00 UTC where they live, less their jitter. */
  public LocalTime checkinTime(int i) {
    long jitterMinutes = jitterOf(i).toMinutes();
    return SLOT.atZone(zone(i)).toLocalTime().minusMinutes(jitterMinutes);
  }

  /** When member {@code i}'s check-in comes due on a day at which it is at {@link #SLOT}. */
  public Instant slotOf(int i) {
    return SLOT.plusSeconds(jitterOf(i).getSeconds() % 60);
  }

  /** The two turns that set member {@code i}'s zone and check-in time, in order. */
  public List<InboundEvent> setupEvents(int i) {
    ConversationAddress to = address(i);
    return List.of(
        new CommandInvoked(to.key() + "#zone", to, "settings", "zone " + zone(i)),
        new CommandInvoked(
            to.key() + "#time", to, "settings", "time other " + checkinTime(i).format(HH_MM)));
  }

  /** The check-in's question, as a member reads it. */
  public static String checkinQuestion() {
    Messages messages = TestContent.load().messages();
    return FormattedText.of(messages.get(messages.fallbackLocale(), "checkin.ask")).plainText();
  }

  private Duration jitterOf(int i) {
    return jitter.offsetFor(PLATFORM + ":" + address(i).userId());
  }

  /** Every member of the crowd was asked {@code question} exactly once in {@code messages}. */
  public void assertEachAskedOnce(List<CheckinLog.Sent> messages, String question) {
    List<CheckinLog.Sent> asked = CheckinLog.reading(messages, question);
    assertThat(asked).hasSize(size());
    java.util.Map<String, Long> perMember = CheckinLog.perConversation(asked);
    assertThat(perMember).hasSize(size());
    assertThat(perMember.values()).containsOnly(1L);
  }

  /** Every member's profile in {@code store} records {@code date} as their last check-in. */
  public void assertLastCheckinOfEveryMember(MemberStore store, java.time.LocalDate date) {
    for (int i = 0; i < size(); i++) {
      assertThat(store.load(address(i)).profile().lastCheckin())
          .as("member %d, in %s", i, zone(i))
          .contains(date);
    }
  }

  /** Member {@code i}'s daily check-in timers in {@code store}: one, when all is well. */
  public List<DueTimer> checkinTimers(MemberStore store, int i) {
    return store.export(address(i).member()).timers().stream()
        .filter(t -> t.name().equals("checkin.daily"))
        .toList();
  }
}
