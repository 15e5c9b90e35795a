package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.MessageRefs;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageRefs} must do. An implementation passes by extending this class: {@link
 * #refs} returns empty refs, {@link #anotherInstance} the same refs as another instance of the bot
 * sees them, and {@link #forgetMember} forgets a member the way its store does.
 */
public abstract class MessageRefsContract {

  protected static final ConversationAddress ALICE = ConversationAddress.direct("test", "alice");
  protected static final ConversationAddress ALICE_IN_GROUP =
      new ConversationAddress("test", "-100200", "alice");
  protected static final ConversationAddress BOB = ConversationAddress.direct("test", "bob");

  /** Empty refs. */
  protected abstract MessageRefs refs();

  /** The refs {@link #refs} holds, seen by another instance of the bot. */
  protected abstract MessageRefs anotherInstance();

  /** Forgets {@code member} as their store's {@code forget} does. */
  protected abstract void forgetMember(MemberId member);

  @Test
  void aRefNeverSet_isNotKnown() {
    assertThat(refs().recall(ALICE, "pace-1")).isEmpty();
  }

  @Test
  void aRememberedRef_isRecalled_byAnyInstance_andReplacedWhenSetAgain() {
    MessageRefs refs = refs();
    refs.remember(ALICE, "pace-1", "501");
    assertThat(refs.recall(ALICE, "pace-1")).contains("501");
    assertThat(anotherInstance().recall(ALICE, "pace-1")).contains("501");

    anotherInstance().remember(ALICE, "pace-1", "502");
    assertThat(refs.recall(ALICE, "pace-1")).contains("502");
  }

  @Test
  void refsBelongToOneConversation() {
    MessageRefs refs = refs();
    refs.remember(ALICE, "pace-1", "501");
    refs.remember(ALICE_IN_GROUP, "pace-1", "9001");

    assertThat(refs.recall(ALICE, "pace-1")).contains("501");
    assertThat(refs.recall(ALICE_IN_GROUP, "pace-1")).contains("9001");
    assertThat(refs.recall(BOB, "pace-1")).isEmpty();
    assertThat(refs.recall(ALICE, "pace-2")).isEmpty();
  }

  @Test
  void aForgottenRef_isNoLongerKnown_andOthersStay() {
    MessageRefs refs = refs();
    refs.remember(ALICE, "pace-1", "501");
    refs.remember(ALICE, "pace-2", "502");

    refs.forget(ALICE, "pace-1");
    refs.forget(BOB, "pace-1"); // never set: nothing happens

    assertThat(refs.recall(ALICE, "pace-1")).isEmpty();
    assertThat(refs.recall(ALICE, "pace-2")).contains("502");
  }

  @Test
  void forgettingAMember_forgetsTheirRefsInEveryChat_andNoOneElses() {
    MessageRefs refs = refs();
    refs.remember(ALICE, "pace-1", "501");
    refs.remember(ALICE_IN_GROUP, "pace-1", "9001");
    refs.remember(BOB, "pace-1", "601");

    forgetMember(ALICE.member());

    assertThat(refs.recall(ALICE, "pace-1")).isEmpty();
    assertThat(refs.recall(ALICE_IN_GROUP, "pace-1")).isEmpty();
    assertThat(refs.recall(BOB, "pace-1")).contains("601");
  }
}
