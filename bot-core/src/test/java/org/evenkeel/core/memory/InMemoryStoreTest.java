package org.evenkeel.core.memory;

/** The in-memory store against the store contract. */
class InMemoryStoreTest extends MemberStoreContract {

  @Override
  protected Stores newStores() {
    InMemoryStore store = new InMemoryStore();
    return new Stores(store, store);
  }
}
