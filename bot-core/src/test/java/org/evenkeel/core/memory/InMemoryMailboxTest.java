package org.evenkeel.core.memory;

import org.evenkeel.core.port.Mailbox;

class InMemoryMailboxTest extends MailboxContract {

  @Override
  protected Mailbox newMailbox() {
    return new InMemoryMailbox(clock);
  }
}
