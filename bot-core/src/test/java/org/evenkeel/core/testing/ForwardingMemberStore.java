package org.evenkeel.core.testing;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;

/**
 * A store that passes every call on to another; tests override a method to make it misbehave there
 * (fail, crash, count).
 */
public class ForwardingMemberStore implements MemberStore {

  private final MemberStore delegate;

  public ForwardingMemberStore(MemberStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public MemberSnapshot load(ConversationAddress address) {
    return delegate.load(address);
  }

  @Override
  public boolean commit(TurnCommit commit) {
    return delegate.commit(commit);
  }

  @Override
  public boolean markSending(ConversationAddress address, String eventId) {
    return delegate.markSending(address, eventId);
  }

  @Override
  public MemberExport export(MemberId member) {
    return delegate.export(member);
  }

  @Override
  public void forget(MemberId member) {
    delegate.forget(member);
  }
}
