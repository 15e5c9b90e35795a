package org.evenkeel.redis;

import org.evenkeel.core.memory.MemberStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis store against the store contract that the in-memory store passes too. */
@ExtendWith(RedisServerExtension.class)
class RedisStoreIT extends MemberStoreContract {

  private final TestRedis redis;

  RedisStoreIT(TestRedis redis) {
    this.redis = redis;
  }

  @Override
  protected Stores newStores() {
    RedisStore store = new RedisStore(redis.client());
    return new Stores(store, store);
  }
}
