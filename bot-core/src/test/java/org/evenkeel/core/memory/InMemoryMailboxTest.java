package org.evenkeel.core.memory;

import org.evenkeel.core.port.Mailbox;
import org.evenkeel.core.port.MemberStore;

class InMemoryMailboxTest extends MailboxContract {

  @Override
  protected MemberStore newStore() {
    return new InMemoryStore();
  }

  @Override
  protected Mailbox newMailbox(MemberStore store) {
    return new InMemoryMailbox(clock, store);
  }
}
