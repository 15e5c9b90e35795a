package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.port.MessageRefs;
import org.junit.jupiter.api.Test;

class InMemoryMessageRefsTest extends MessageRefsContract {

  private final InMemoryStore store = new InMemoryStore();

  @Override
  protected MessageRefs refs() {
    return store.messageRefs();
  }

  @Override
  protected MessageRefs anotherInstance() {
    return store.messageRefs(); // one process: the same memory
  }

  @Override
  protected void forgetMember(MemberId member) {
    store.forget(member);
  }

  @Test
  void theLeastRecentlyUsedRefs_goFirst_whenFull() {
    InMemoryMessageRefs refs = new InMemoryMessageRefs();
    refs.remember(ALICE, "first", "1");
    refs.remember(ALICE, "second", "2");
    for (int i = 0; i < InMemoryMessageRefs.CAPACITY - 2; i++) {
      refs.remember(ConversationAddress.direct("test", "m" + i), "pace", Integer.toString(i));
    }
    assertThat(refs.recall(ALICE, "first")).contains("1"); // used: now the most recent

    refs.remember(BOB, "pace", "601");

    assertThat(refs.recall(ALICE, "second")).isEmpty();
    assertThat(refs.recall(ALICE, "first")).contains("1");
    assertThat(refs.recall(BOB, "pace")).contains("601");
  }
}
