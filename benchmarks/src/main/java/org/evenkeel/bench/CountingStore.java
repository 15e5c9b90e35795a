package org.evenkeel.bench;

import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;
import org.evenkeel.core.model.MemberSnapshot;
import org.evenkeel.core.port.MemberExport;
import org.evenkeel.core.port.MemberStore;
import org.evenkeel.core.port.TurnCommit;

/** A member store that counts each call in {@link Operations}, then delegates. */
final class CountingStore implements MemberStore {

  private final MemberStore delegate;
  private final Operations operations;

  CountingStore(MemberStore delegate, Operations operations) {
    this.delegate = delegate;
    this.operations = operations;
  }

  @Override
  public MemberSnapshot load(ConversationAddress address) {
    return operations.run("store.load", () -> delegate.load(address));
  }

  @Override
  public boolean commit(TurnCommit commit) {
    return operations.run("store.commit", () -> delegate.commit(commit));
  }

  @Override
  public boolean markSending(ConversationAddress address, String eventId) {
    return operations.run("store.markSending", () -> delegate.markSending(address, eventId));
  }

  @Override
  public MemberExport export(MemberId member) {
    return operations.run("store.export", () -> delegate.export(member));
  }

  @Override
  public void forget(MemberId member) {
    operations.run(
        "store.forget",
        () -> {
          delegate.forget(member);
          return null;
        });
  }
}
