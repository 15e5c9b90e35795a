package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.DeleteCounter;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SaveCounter;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;
import org.evenkeel.core.port.DueQueue;
import org.evenkeel.core.port.DueTimer;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MemberStore} and {@link DueQueue} must do, whatever keeps the data. A store
 * passes by extending this class and returning fresh, empty ports from {@link #newStores()} (for
 * Redis: flush the test database first); every test starts from such a store.
 */
public abstract class MemberStoreContract {

  /** The two ports of the store under test, over the same data. */
  public record Stores(MemberStore members, DueQueue queue) {}

  /** A store holding nothing yet. Called before every test. */
  protected abstract Stores newStores();

  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration VISIBILITY = Duration.ofSeconds(30);

  private final ConversationAddress alice = ConversationAddress.direct("test", "alice");
  private final ConversationAddress aliceInGroup =
      new ConversationAddress("test", "group-7", "alice");
  private final ConversationAddress bob = ConversationAddress.direct("test", "bob");
  private final ConversationAddress aliceElsewhere = ConversationAddress.direct("other", "alice");

  protected MemberStore store;
  protected DueQueue queue;

  @BeforeEach
  void openStore() {
    Stores stores = newStores();
    store = stores.members();
    queue = stores.queue();
  }

  // ---- load and commit ----

  @Test
  void load_ofUnknownMember_isAFreshSessionAndAnUnknownMember() {
    MemberSnapshot snapshot = store.load(alice);

    assertThat(snapshot.knownMember()).isFalse();
    assertThat(snapshot.session()).isEqualTo(Session.fresh(alice));
    assertThat(snapshot.profile().member()).isEqualTo(alice.member());
    assertThat(snapshot.recentJournal()).isEmpty();
  }

  @Test
  void commit_thenLoad_returnsTheTurnsStateWithTheVersionRaised() {
    Session session =
        Session.fresh(alice).withFlow(Optional.of(position("ground", "see"))).withStepSeqCounter(3);
    Profile profile = profileOf(alice).withCountry("DE").withZone(ZoneId.of("Europe/Berlin"));
    JournalEntry entry = JournalEntry.gratitude(T0, "the sun *came* out");

    assertThat(store.commit(new TurnCommit("e1", session, profile, List.of(entry), List.of())))
        .isTrue();

    MemberSnapshot loaded = store.load(alice);
    assertThat(loaded.knownMember()).isTrue();
    assertThat(loaded.session()).isEqualTo(session.nextVersion());
    assertThat(loaded.session().version()).isEqualTo(1);
    assertThat(loaded.profile()).isEqualTo(profile);
    assertThat(loaded.recentJournal()).containsExactly(entry);
  }

  @Test
  void commitsInARow_eachRaiseTheVersionByOne() {
    for (int turn = 1; turn <= 5; turn++) {
      MemberSnapshot before = store.load(alice);
      assertThat(commit("e" + turn, before.session(), List.of())).isTrue();
      assertThat(store.load(alice).session().version()).isEqualTo(turn);
    }
  }

  @Test
  void commit_withStaleVersion_failsAndWritesNothing() {
    Session loadedByBoth = store.load(alice).session();
    assertThat(
            commit("e1", loadedByBoth, List.of(new StartTimer("first", T0.plusSeconds(60), false))))
        .isTrue();
    MemberExport before = store.export(alice.member());

    boolean second =
        store.commit(
            new TurnCommit(
                "e2",
                loadedByBoth.withFlow(Optional.of(position("menu", "pick"))),
                profileOf(alice).withCountry("GB"),
                List.of(JournalEntry.note(T0, "lost")),
                List.of(
                    new StartTimer("second", T0.plusSeconds(5), false), new CancelTimer("first"))));

    assertThat(second).isFalse();
    assertThat(store.export(alice.member())).isEqualTo(before);
    assertThat(store.load(alice).session().version()).isEqualTo(1);
    assertThat(store.load(alice).session().flow()).isEmpty();
  }

  @Test
  void commit_withAVersionAheadOfTheStore_fails() {
    Session ahead = new Session(alice, 4, Optional.empty(), 0, Optional.empty());

    assertThat(commit("e1", ahead, List.of())).isFalse();
    assertThat(store.load(alice).knownMember()).isFalse();
  }

  @Test
  void conversationsOfOneMember_haveTheirOwnVersions_butShareTheProfileAndJournal() {
    commit("e1", store.load(alice).session(), List.of());
    store.commit(
        new TurnCommit(
            "e2",
            store.load(aliceInGroup).session(),
            profileOf(alice).withCountry("IE"),
            List.of(JournalEntry.note(T0, "from the group")),
            List.of()));

    assertThat(store.load(alice).session().version()).isEqualTo(1);
    assertThat(store.load(aliceInGroup).session().version()).isEqualTo(1);
    assertThat(store.load(alice).profile().country()).contains("IE");
    assertThat(store.load(alice).recentJournal())
        .extracting(JournalEntry::text)
        .containsExactly("from the group");
    assertThat(store.load(aliceElsewhere).knownMember())
        .as("same user id on another platform")
        .isFalse();
  }

  @Test
  void load_holdsTheMostRecentJournalEntries_oldestFirst() {
    int total = MemberSnapshot.RECENT_JOURNAL_LIMIT + 5;
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      entries.add(JournalEntry.mood(T0.plusSeconds(i), 1 + i % 5, "entry " + i));
    }
    store.commit(new TurnCommit("e1", Session.fresh(alice), profileOf(alice), entries, List.of()));

    List<JournalEntry> recent = store.load(alice).recentJournal();

    assertThat(recent).hasSize(MemberSnapshot.RECENT_JOURNAL_LIMIT);
    assertThat(recent).isEqualTo(entries.subList(5, total));
    assertThat(store.export(alice.member()).journal()).isEqualTo(entries);
  }

  // ---- timers ----

  @Test
  void commit_setsTimers_replacesOneOfTheSameName_andCancelsThem() {
    commit(
        "e1",
        store.load(alice).session(),
        List.of(
            new StartTimer("checkin", T0.plusSeconds(3600), false),
            new StartTimer("pace.1", T0.plusSeconds(4), true)));
    assertThat(timersOf(alice.member()))
        .containsExactlyInAnyOrder(
            new DueTimer(alice, "checkin", T0.plusSeconds(3600), false),
            new DueTimer(alice, "pace.1", T0.plusSeconds(4), true));

    commit(
        "e2",
        store.load(alice).session(),
        List.of(new StartTimer("pace.1", T0.plusSeconds(8), true), new CancelTimer("checkin")));

    assertThat(timersOf(alice.member()))
        .containsExactly(new DueTimer(alice, "pace.1", T0.plusSeconds(8), true));
  }

  @Test
  void cancellingATimerThatIsNotSet_changesNothingElse() {
    commit("e1", store.load(alice).session(), List.of(new StartTimer("a", T0, false)));

    assertThat(commit("e2", store.load(alice).session(), List.of(new CancelTimer("never-set"))))
        .isTrue();

    assertThat(timersOf(alice.member())).containsExactly(new DueTimer(alice, "a", T0, false));
  }

  @Test
  void timersOfTheSameName_inDifferentConversations_areSeparate() {
    commit("e1", store.load(alice).session(), List.of(new StartTimer("checkin", T0, false)));
    commit(
        "e2",
        store.load(bob).session(),
        List.of(new StartTimer("checkin", T0.plusSeconds(1), false)));

    commit("e3", store.load(bob).session(), List.of(new CancelTimer("checkin")));

    assertThat(timersOf(alice.member())).containsExactly(new DueTimer(alice, "checkin", T0, false));
    assertThat(timersOf(bob.member())).isEmpty();
  }

  @Test
  void claimDue_handsOutDueTimersEarliestFirst_andNotFutureOnes() {
    commit(
        "e1",
        store.load(alice).session(),
        List.of(
            new StartTimer("later", T0.plusSeconds(20), false),
            new StartTimer("future", T0.plusSeconds(120), false)));
    commit(
        "e2",
        store.load(bob).session(),
        List.of(
            new StartTimer("earliest", T0.minusSeconds(30), false),
            new StartTimer("exactly-now", T0.plusSeconds(60), false)));

    List<DueTimer> claimed = queue.claimDue(T0.plusSeconds(60), 10, VISIBILITY);

    assertThat(claimed)
        .extracting(DueTimer::name)
        .containsExactly("earliest", "later", "exactly-now");
  }

  @Test
  void claimDue_handsOutAtMostMax_earliestFirst_andTheRestNextTime() {
    List<Effect> timers = new ArrayList<>();
    for (int i = 4; i >= 0; i--) {
      timers.add(new StartTimer("t" + i, T0.plusSeconds(i), false));
    }
    commit("e1", store.load(alice).session(), timers);

    assertThat(queue.claimDue(T0.plusSeconds(10), 2, VISIBILITY))
        .extracting(DueTimer::name)
        .containsExactly("t0", "t1");
    assertThat(queue.claimDue(T0.plusSeconds(10), 2, VISIBILITY))
        .extracting(DueTimer::name)
        .containsExactly("t2", "t3");
    assertThat(queue.claimDue(T0.plusSeconds(10), 2, VISIBILITY))
        .extracting(DueTimer::name)
        .containsExactly("t4");
    assertThat(queue.claimDue(T0.plusSeconds(10), 2, VISIBILITY)).isEmpty();
  }

  @Test
  void claimedTimer_isHiddenUntilTheVisibilityTimeoutPasses_thenHandedOutAgain() {
    commit("e1", store.load(alice).session(), List.of(new StartTimer("checkin", T0, false)));
    DueTimer timer = new DueTimer(alice, "checkin", T0, false);

    assertThat(queue.claimDue(T0, 10, VISIBILITY)).containsExactly(timer);
    assertThat(queue.claimDue(T0.plusSeconds(1), 10, VISIBILITY)).as("just claimed").isEmpty();
    assertThat(queue.claimDue(T0.plus(VISIBILITY).minusMillis(1), 10, VISIBILITY))
        .as("still hidden")
        .isEmpty();
    assertThat(queue.claimDue(T0.plus(VISIBILITY).plusMillis(1), 10, VISIBILITY))
        .as("the claim was never completed: handed out again")
        .containsExactly(timer);
    assertThat(timersOf(alice.member()))
        .as("a claimed timer still belongs to the member")
        .containsExactly(timer);
  }

  @Test
  void complete_removesTheClaimedTimer_forGood() {
    commit(
        "e1",
        store.load(alice).session(),
        List.of(new StartTimer("a", T0, false), new StartTimer("b", T0, false)));
    List<DueTimer> claimed = queue.claimDue(T0, 10, VISIBILITY);
    DueTimer a = claimed.stream().filter(t -> t.name().equals("a")).findFirst().orElseThrow();

    queue.complete(a);

    assertThat(queue.claimDue(T0.plus(VISIBILITY).plusSeconds(1), 10, VISIBILITY))
        .extracting(DueTimer::name)
        .containsExactly("b");
    assertThat(timersOf(alice.member())).extracting(DueTimer::name).containsExactly("b");
  }

  @Test
  void complete_ofATimerSetAgainMeanwhile_keepsTheNewOne() {
    commit("e1", store.load(alice).session(), List.of(new StartTimer("pace.1", T0, true)));
    DueTimer old = queue.claimDue(T0, 10, VISIBILITY).get(0);
    commit(
        "e2",
        store.load(alice).session(),
        List.of(new StartTimer("pace.1", T0.plusSeconds(4), true)));

    queue.complete(old);

    DueTimer renewed = new DueTimer(alice, "pace.1", T0.plusSeconds(4), true);
    assertThat(timersOf(alice.member())).containsExactly(renewed);
    assertThat(queue.claimDue(T0.plusSeconds(4), 10, VISIBILITY)).containsExactly(renewed);
  }

  @Test
  void complete_leavesTheSameNamedTimerOfAnotherConversation() {
    commit("e1", store.load(alice).session(), List.of(new StartTimer("checkin", T0, false)));
    commit("e2", store.load(bob).session(), List.of(new StartTimer("checkin", T0, false)));
    List<DueTimer> claimed = queue.claimDue(T0, 10, VISIBILITY);
    assertThat(claimed).hasSize(2);

    queue.complete(new DueTimer(alice, "checkin", T0, false));

    assertThat(timersOf(alice.member())).isEmpty();
    assertThat(timersOf(bob.member())).containsExactly(new DueTimer(bob, "checkin", T0, false));
  }

  @Test
  void nextPacing_isTheEarliestPacingTimerOfThatConversationOnly() {
    commit(
        "e1",
        store.load(alice).session(),
        List.of(
            new StartTimer("checkin", T0.plusSeconds(1), false),
            new StartTimer("pace.b", T0.plusSeconds(8), true),
            new StartTimer("pace.a", T0.plusSeconds(4), true)));
    commit(
        "e2",
        store.load(aliceInGroup).session(),
        List.of(new StartTimer("pace.1", T0.plusSeconds(2), true)));

    assertThat(queue.nextPacing(alice)).contains(T0.plusSeconds(4));
    assertThat(queue.nextPacing(aliceInGroup)).contains(T0.plusSeconds(2));
    assertThat(queue.nextPacing(bob)).isEmpty();
  }

  // ---- the profile, shared by the member's conversations ----

  private TurnCommit turnThatRead(MemberSnapshot read, String eventId, Profile profile) {
    return new TurnCommit(
        eventId,
        read.session(),
        profile,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.of(read.profileTag()));
  }

  @Test
  void aProfileChangedByAnotherConversation_isNotOverwrittenByATurnThatReadItBefore() {
    commit("e0", store.load(alice).session(), List.of());
    MemberSnapshot inDm = store.load(alice);
    MemberSnapshot inGroup = store.load(aliceInGroup);

    assertThat(store.commit(turnThatRead(inDm, "e1", inDm.profile().withCountry("DE")))).isTrue();
    assertThat(store.commit(turnThatRead(inGroup, "e2", inGroup.profile()))).isFalse();

    MemberSnapshot again = store.load(aliceInGroup);
    assertThat(again.profile().country()).contains("DE");
    assertThat(again.session().version()).as("nothing of e2 written").isZero();
    assertThat(store.commit(turnThatRead(again, "e2", again.profile()))).isTrue();
    assertThat(store.load(alice).profile().country()).contains("DE");
  }

  @Test
  void twoFirstTurnsOfANewMember_inTwoConversations_cannotBothCreateTheProfile() {
    MemberSnapshot inDm = store.load(alice);
    MemberSnapshot inGroup = store.load(aliceInGroup);
    assertThat(inDm.profileTag()).isEmpty();

    assertThat(store.commit(turnThatRead(inDm, "e1", profileOf(alice).withCountry("DE")))).isTrue();
    assertThat(store.commit(turnThatRead(inGroup, "e2", profileOf(alice)))).isFalse();
    assertThat(store.load(alice).profileTag()).isNotEmpty();
  }

  @Test
  void theProfileTag_changesWithEveryProfileWrite_andIsGoneWithTheMember() {
    commit("e0", store.load(alice).session(), List.of());
    String first = store.load(alice).profileTag();
    assertThat(
            store.commit(
                turnThatRead(
                    store.load(alice), "e1", store.load(alice).profile().withCountry("FR"))))
        .isTrue();

    assertThat(store.load(alice).profileTag()).isNotEqualTo(first).isNotEmpty();
    store.forget(alice.member());
    assertThat(store.load(alice).profileTag()).isEmpty();
  }

  // ---- milestone counters ----

  private static final MilestoneCounter ALCOHOL =
      new MilestoneCounter(
          MilestoneCounter.PRIVATE, "alcohol", T0.minusSeconds(86_400 * 40), true, 12, 30);
  private static final MilestoneCounter NICOTINE_IN_GUILD =
      new MilestoneCounter("guild-7", "nicotine", T0.minusSeconds(3_600), false, 0, 0);

  private boolean commitCounters(
      String eventId, ConversationAddress address, List<Effect> changes) {
    return store.commit(
        new TurnCommit(
            eventId,
            store.load(address).session(),
            profileOf(address),
            List.of(),
            List.of(),
            List.of(),
            changes));
  }

  @Test
  void counters_savedInATurn_areInEveryConversationsSnapshot_inKeyOrder() {
    assertThat(
            commitCounters(
                "e1", alice, List.of(new SaveCounter(NICOTINE_IN_GUILD), new SaveCounter(ALCOHOL))))
        .isTrue();

    assertThat(store.load(alice).counters()).containsExactly(ALCOHOL, NICOTINE_IN_GUILD);
    assertThat(store.load(aliceInGroup).counters()).containsExactly(ALCOHOL, NICOTINE_IN_GUILD);
    assertThat(store.load(bob).counters()).isEmpty();
    assertThat(store.load(aliceElsewhere).counters()).isEmpty();
  }

  @Test
  void counters_areReplacedByScopeAndName_andDeletedOneByOne() {
    commitCounters(
        "e1", alice, List.of(new SaveCounter(ALCOHOL), new SaveCounter(NICOTINE_IN_GUILD)));
    MilestoneCounter slipped =
        new MilestoneCounter(MilestoneCounter.PRIVATE, "alcohol", T0, true, 40, 70);
    MilestoneCounter sameNameElsewhere =
        new MilestoneCounter("guild-8", "alcohol", T0, false, 0, 0);

    commitCounters(
        "e2",
        alice,
        List.of(
            new SaveCounter(slipped),
            new SaveCounter(sameNameElsewhere),
            new DeleteCounter("guild-7", "nicotine"),
            new DeleteCounter("guild-7", "never-there")));

    assertThat(store.load(alice).counters()).containsExactly(slipped, sameNameElsewhere);
  }

  @Test
  void counters_ofAFailedCommit_areNotWritten() {
    Session stale = store.load(alice).session();
    commit("e1", stale, List.of());

    assertThat(
            store.commit(
                new TurnCommit(
                    "e2",
                    stale,
                    profileOf(alice),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(new SaveCounter(ALCOHOL)))))
        .isFalse();
    assertThat(store.load(alice).counters()).isEmpty();
  }

  @Test
  void counters_areExported_andForgotten() {
    commitCounters(
        "e1", alice, List.of(new SaveCounter(ALCOHOL), new SaveCounter(NICOTINE_IN_GUILD)));
    commitCounters("e2", bob, List.of(new SaveCounter(ALCOHOL)));

    assertThat(store.export(alice.member()).counters()).containsExactly(ALCOHOL, NICOTINE_IN_GUILD);
    store.forget(alice.member());

    assertThat(store.export(alice.member()).counters()).isEmpty();
    assertThat(store.load(alice).counters()).isEmpty();
    assertThat(store.load(bob).counters()).containsExactly(ALCOHOL);
  }

  // ---- export and forget ----

  @Test
  void export_holdsEverythingAboutTheMember_andNothingOfOthers() {
    Profile profile =
        profileOf(alice).withCheckinTime(Optional.of(LocalTime.of(9, 0))).withConsent(true);
    JournalEntry gratitude = JournalEntry.gratitude(T0, "tea");
    JournalEntry mood = JournalEntry.mood(T0.plusSeconds(5), 4, "");
    Session dm =
        Session.fresh(alice)
            .withFlow(Optional.of(position("gratitude", "thing2").withVar("thing1", "tea")));
    store.commit(
        new TurnCommit(
            "e1",
            dm,
            profile,
            List.of(gratitude),
            List.of(new StartTimer("checkin", T0.plusSeconds(86_400), false))));
    store.commit(
        new TurnCommit(
            "e2",
            store.load(aliceInGroup).session(),
            profile,
            List.of(mood),
            List.of(new StartTimer("pace.1", T0.plusSeconds(4), true))));
    store.commit(
        new TurnCommit(
            "e3",
            Session.fresh(bob),
            profileOf(bob),
            List.of(JournalEntry.note(T0, "bob's")),
            List.of(new StartTimer("checkin", T0, false))));

    MemberExport export = store.export(alice.member());

    assertThat(export.member()).isEqualTo(alice.member());
    assertThat(export.profile()).contains(profile);
    assertThat(export.journal()).containsExactly(gratitude, mood);
    assertThat(export.sessions())
        .containsExactlyInAnyOrder(dm.nextVersion(), Session.fresh(aliceInGroup).nextVersion());
    assertThat(export.timers())
        .containsExactlyInAnyOrder(
            new DueTimer(alice, "checkin", T0.plusSeconds(86_400), false),
            new DueTimer(aliceInGroup, "pace.1", T0.plusSeconds(4), true));
  }

  @Test
  void export_ofUnknownMember_isEmpty() {
    MemberExport export = store.export(alice.member());

    assertThat(export.profile()).isEmpty();
    assertThat(export.journal()).isEmpty();
    assertThat(export.sessions()).isEmpty();
    assertThat(export.timers()).isEmpty();
  }

  @Test
  void forget_deletesEverythingOfTheMember_andNothingOfAnother() {
    store.commit(
        new TurnCommit(
            "e1",
            Session.fresh(alice),
            profileOf(alice).withCountry("DE"),
            List.of(JournalEntry.note(T0, "mine")),
            List.of(new StartTimer("checkin", T0, false))));
    store.commit(
        new TurnCommit(
            "e2",
            Session.fresh(aliceInGroup),
            profileOf(alice),
            List.of(),
            List.of(new StartTimer("pace.1", T0, true))));
    store.commit(
        new TurnCommit(
            "e3",
            Session.fresh(bob),
            profileOf(bob).withCountry("GB"),
            List.of(JournalEntry.note(T0, "bob's")),
            List.of(new StartTimer("checkin", T0, false))));
    store.commit(
        new TurnCommit(
            "e4",
            Session.fresh(aliceElsewhere),
            profileOf(aliceElsewhere),
            List.of(JournalEntry.note(T0, "elsewhere")),
            List.of()));
    MemberExport bobBefore = store.export(bob.member());
    MemberExport elsewhereBefore = store.export(aliceElsewhere.member());

    store.forget(alice.member());

    MemberExport gone = store.export(alice.member());
    assertThat(gone.profile()).isEmpty();
    assertThat(gone.journal()).isEmpty();
    assertThat(gone.sessions()).isEmpty();
    assertThat(gone.timers()).isEmpty();
    assertThat(store.load(alice).knownMember()).isFalse();
    assertThat(store.load(alice).session()).isEqualTo(Session.fresh(alice));
    assertThat(store.load(aliceInGroup).session()).isEqualTo(Session.fresh(aliceInGroup));
    assertThat(queue.nextPacing(aliceInGroup)).isEmpty();
    assertThat(queue.claimDue(T0, 10, VISIBILITY))
        .containsExactly(new DueTimer(bob, "checkin", T0, false));
    assertThat(store.export(bob.member())).isEqualTo(bobBefore);
    assertThat(store.export(aliceElsewhere.member())).isEqualTo(elsewhereBefore);
  }

  @Test
  void forgottenMember_canStartAfresh() {
    commit("e1", store.load(alice).session(), List.of());
    commit("e2", store.load(alice).session(), List.of());
    store.forget(alice.member());

    assertThat(commit("e3", store.load(alice).session(), List.of())).isTrue();
    assertThat(store.load(alice).session().version()).isEqualTo(1);
  }

  @Test
  void forget_ofUnknownMember_doesNothing() {
    commit("e1", store.load(bob).session(), List.of());
    MemberExport bobBefore = store.export(bob.member());

    store.forget(alice.member());

    assertThat(store.export(bob.member())).isEqualTo(bobBefore);
  }

  // ---- the last committed event and its replies (the outbox) ----

  private TurnCommit withReplies(String eventId, Session loaded, String... texts) {
    List<Effect> out = new ArrayList<>();
    for (String text : texts) {
      out.add(
          org.evenkeel.core.effect.SendMessage.withChoices(
              org.evenkeel.core.text.FormattedText.of(text),
              List.of(new org.evenkeel.core.effect.Choice("Done", "s1.done"))));
    }
    out.add(
        new org.evenkeel.core.effect.EditMessage(
            "pace-3", org.evenkeel.core.text.FormattedText.of("Hold… 4"), List.of()));
    out.add(new org.evenkeel.core.effect.ShowTyping());
    out.add(
        new org.evenkeel.core.effect.SendExport(org.evenkeel.core.text.FormattedText.of("Here")));
    return new TurnCommit(eventId, loaded, profileOf(loaded.address()), List.of(), List.of(), out);
  }

  @Test
  void commit_remembersTheLastEvent_andItsRepliesUntilMarkedSending() {
    TurnCommit commit = withReplies("e1", Session.fresh(alice), "*Hello* there", "second");
    assertThat(store.commit(commit)).isTrue();

    MemberSnapshot loaded = store.load(alice);
    assertThat(loaded.lastEventId()).contains("e1");
    assertThat(loaded.unsent()).isEqualTo(commit.outbound());
    assertThat(store.load(aliceInGroup).lastEventId()).isEmpty();
  }

  @Test
  void markSending_succeedsOnce_andThenNothingIsOwed() {
    store.commit(withReplies("e1", Session.fresh(alice), "hello"));

    assertThat(store.markSending(alice, "e1")).isTrue();
    assertThat(store.markSending(alice, "e1")).isFalse();
    assertThat(store.load(alice).unsent()).isEmpty();
    assertThat(store.load(alice).lastEventId()).contains("e1");
  }

  @Test
  void markSending_ofAnOlderEvent_isRefused_andTheNewerRepliesStayOwed() {
    store.commit(withReplies("e1", Session.fresh(alice), "one"));
    store.commit(withReplies("e2", store.load(alice).session(), "two"));

    assertThat(store.markSending(alice, "e1")).isFalse();
    assertThat(store.load(alice).unsent()).hasSize(4);
    assertThat(store.markSending(alice, "e2")).isTrue();
  }

  @Test
  void aTurnWithoutReplies_owesNothing() {
    store.commit(withReplies("e1", Session.fresh(alice), "one"));
    commit("e2", store.load(alice).session(), List.of());

    assertThat(store.load(alice).unsent()).isEmpty();
    assertThat(store.markSending(alice, "e2")).isFalse();
  }

  @Test
  void forget_dropsOwedReplies_andTheLastEvent() {
    store.commit(withReplies("e1", Session.fresh(alice), "one"));
    store.forget(alice.member());

    assertThat(store.load(alice).unsent()).isEmpty();
    assertThat(store.load(alice).lastEventId()).isEmpty();
  }

  // ---- helpers ----

  private boolean commit(String eventId, Session loaded, List<Effect> timers) {
    return store.commit(
        new TurnCommit(eventId, loaded, profileOf(loaded.address()), List.of(), timers));
  }

  private List<DueTimer> timersOf(MemberId member) {
    return store.export(member).timers();
  }

  private static Profile profileOf(ConversationAddress address) {
    return Profile.newMember(address.member(), T0);
  }

  private static FlowPosition position(String flow, String step) {
    return new FlowPosition(
        flow, "hash-1", step, 7, Map.of(), Optional.empty(), Map.of(), Optional.empty());
  }
}
