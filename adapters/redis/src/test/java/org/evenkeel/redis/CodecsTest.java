package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.FlowPosition.PaceProgress;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.schedule.QuietHours;
import org.evenkeel.core.text.FormattedText;
import org.junit.jupiter.api.Test;

/** What is written comes back equal, and stays small. */
class CodecsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant WITH_MICROS = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private final MemberId member = new MemberId("telegram", "1234567");
  private final ConversationAddress address =
      new ConversationAddress("telegram", "-100987", "1234567");

  @Test
  void instants_keepEveryNanosecond() {
    for (Instant instant :
        List.of(T0, WITH_MICROS, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999Z"))) {
      assertThat(Instants.decode(Instants.encode(instant))).isEqualTo(instant);
    }
    assertThat(Instants.encode(T0)).isEqualTo("1772442000000");
    assertThat(Instants.encode(WITH_MICROS)).isEqualTo("1772442000123.456789");
    assertThat(Instants.encode(T0.plusNanos(250))).isEqualTo("1772442000000.000250");
    assertThat(Instants.decode("1772442000000.000250")).isEqualTo(T0.plusNanos(250));
  }

  @Test
  void newMembersProfile_isSmall_andComesBackEqual() {
    Profile profile = Profile.newMember(member, T0);

    String json = ProfileCodec.encode(profile);

    assertThat(json).isEqualTo("{\"f\":1772442000000}");
    assertThat(ProfileCodec.decode(member, json)).isEqualTo(profile);
  }

  @Test
  void fullProfile_comesBackEqual() {
    Profile profile =
        Profile.newMember(member, WITH_MICROS)
            .withLocale("de")
            .withCountry("DE")
            .withZone(ZoneId.of("Europe/Berlin"))
            .withCheckinTime(Optional.of(LocalTime.of(9, 30)))
            .withConsent(true)
            .withPause(Profile.Pause.until(LocalDate.of(2026, 3, 9)))
            .withLastCheckin(LocalDate.of(2026, 3, 2))
            .withRoutine(
                new Profile.Routine(
                    EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
                    Optional.of(LocalDate.of(2026, 3, 4))))
            .withActive(false);

    String json = ProfileCodec.encode(profile);

    assertThat(ProfileCodec.decode(member, json)).isEqualTo(profile);
    assertThat(json)
        .contains("\"d\":\"2026-03-02\"")
        .contains("\"w\":\"1000100\"")
        .contains("\"q\":\"22:00-07:30\"")
        .contains("\"s\":\"2026-03-04\"");
    assertThat(json.length()).isLessThan(200);
  }

  @Test
  void profileWithMalformedCheckinDays_failsNamingThem() {
    String json =
        ProfileCodec.encode(Profile.newMember(member, T0)).replace("}", ",\"w\":\"0000000\"}");

    assertThatThrownBy(() -> ProfileCodec.decode(member, json))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("check-in days");
  }

  @Test
  void sessionInAPacedExercise_comesBackEqual() {
    FlowPosition position =
        new FlowPosition(
            "breathe",
            "sha256:abc",
            "inhale",
            12,
            Map.of("mood", "4", "quote", "\"so\" \\ \n true"),
            Optional.of("pace"),
            Map.of("nudge", "remind"),
            Optional.of(new PaceProgress(2, 1, 1.25, "msg-7")));
    Session session = new Session(address, 41, Optional.of(position), 13, Optional.of(WITH_MICROS));

    Session back = SessionCodec.decode(address, 41, SessionCodec.encode(session));

    assertThat(back).isEqualTo(session);
  }

  @Test
  void idleSession_isAnEmptyObject() {
    assertThat(SessionCodec.encode(Session.fresh(address))).isEqualTo("{}");
    assertThat(SessionCodec.decode(address, 3, "{}"))
        .isEqualTo(new Session(address, 3, Optional.empty(), 0, Optional.empty()));
  }

  @Test
  void journalEntries_comeBackEqual() {
    for (JournalEntry entry :
        List.of(
            JournalEntry.gratitude(T0, "tea with *Sam*"),
            JournalEntry.mood(WITH_MICROS, 2, ""),
            JournalEntry.note(T0, "ünïcode ✓ and \"quotes\""))) {
      assertThat(JournalCodec.decode(JournalCodec.encode(entry))).isEqualTo(entry);
    }
    assertThat(JournalCodec.encode(JournalEntry.mood(T0, 2, "")))
        .isEqualTo("{\"k\":\"mood\",\"a\":1772442000000,\"m\":2}");
  }

  @Test
  void milestoneCounters_comeBackEqual_fromTheirHashFields() {
    MilestoneCounter own =
        new MilestoneCounter(MilestoneCounter.PRIVATE, "alcohol", WITH_MICROS, true, 62, 90);
    MilestoneCounter guilds = new MilestoneCounter("guild-7", "café_nicotine", T0, false, 0, 0);

    assertThat(CounterCodec.encode(guilds)).isEqualTo("{\"a\":" + T0.toEpochMilli() + "}");
    assertThat(
            CounterCodec.fromHash(
                List.of(
                    CounterCodec.field(guilds),
                    CounterCodec.encode(guilds),
                    "dm-1:checkin",
                    "1772528400000:0",
                    CounterCodec.field(own),
                    CounterCodec.encode(own))))
        .as("counters only, timers left out")
        .containsExactly(own, guilds);
    assertThat(CounterCodec.field(own)).isEqualTo("::alcohol");
    assertThat(CounterCodec.field(guilds)).isEqualTo(":guild-7:café_nicotine");
  }

  @Test
  void outboundEffects_comeBackEqual() {
    FormattedText text = FormattedText.of("*Hello*");
    List<Effect> effects =
        List.of(
            new ShowTyping(),
            new SendMessage(text, List.of(new Choice("Yes", "p:1:y")), Optional.of("m1")),
            SendMessage.text(text),
            SendMessage.text(text).askingForText("Write your answer"),
            new EditMessage("m1", text, List.of()),
            new SendExport(text));

    assertThat(EffectCodec.decode(EffectCodec.encode(effects))).isEqualTo(effects);
  }

  @Test
  void fileEffect_keepsItsBytes() {
    SendFile file =
        new SendFile(
            "e.json", "application/json", new byte[] {0, 1, -1}, FormattedText.of("x"), true);

    SendFile back = (SendFile) EffectCodec.decode(EffectCodec.encode(List.of(file))).get(0);

    assertThat(back.content()).containsExactly(0, 1, -1);
    assertThat(back.fileName()).isEqualTo("e.json");
    assertThat(back.protect()).isTrue();
  }

  @Test
  void timer_readsBackFromItsQueueEntry_andFromTheMembersHash() {
    DueTimer timer = new DueTimer(address, "check:in again", WITH_MICROS, true);

    String entry = TimerCodec.entry(timer);

    assertThat(entry).isEqualTo("1772442000123.456789:1:telegram:1234567:-100987:check:in again");
    assertThat(TimerCodec.fromEntry(entry)).isEqualTo(timer);
    assertThat(
            TimerCodec.fromHash(
                member, TimerCodec.field(address, timer.name()), TimerCodec.value(timer)))
        .isEqualTo(timer);
  }
}
