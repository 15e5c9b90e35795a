package org.evenkeel.bench;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.evenkeel.core.dispatch.TurnDispatcher;
import org.evenkeel.core.engine.Engine;
import org.evenkeel.redis.RedisMailbox;
import org.evenkeel.redis.RedisStore;
import org.evenkeel.redis.RedisStoreSettings;
import redis.clients.jedis.UnifiedJedis;

/**
 * The production turn path on Redis: a {@link TurnDispatcher} over {@link RedisStore} and {@link
 * RedisMailbox}, with every store and mailbox call counted, delivering to a {@link
 * RecordingOutbound} instead of a platform.
 */
final class TurnPath implements AutoCloseable {

  final RecordingOutbound outbound = new RecordingOutbound();
  final TurnDispatcher dispatcher;

  TurnPath(Engine engine, UnifiedJedis redis, Operations operations, Executor workers) {
    RedisStoreSettings settings = RedisStoreSettings.defaults();
    this.dispatcher =
        new TurnDispatcher(
            engine,
            new CountingStore(new RedisStore(redis, settings), operations),
            new CountingMailbox(new RedisMailbox(redis, settings), operations),
            outbound,
            Clock.systemUTC(),
            workers);
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
