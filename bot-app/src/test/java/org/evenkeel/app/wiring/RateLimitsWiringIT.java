package org.evenkeel.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.time.Clock;
import java.time.Duration;
import org.evenkeel.core.memory.InMemoryRateLimits;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.RateLimits.Bucket;
import org.evenkeel.core.port.RateLimits.Rate;
import org.evenkeel.core.testing.MutableClock;
import org.evenkeel.redis.RedisRateLimits;
import org.evenkeel.redis.RedisServerExtension;
import org.evenkeel.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each store module gives the whole application one set of rate-limit buckets, kept where it keeps
 * everything else: two sets in one process would double every budget.
 */
@ExtendWith(RedisServerExtension.class)
class RateLimitsWiringIT {

  /** Refills once an hour: nothing comes back while a test runs on Redis's real clock. */
  private final Bucket global = new Bucket("telegram:global", new Rate(20, 1, Duration.ofHours(1)));

  @Test
  void inMemoryStore_bindsOneInMemorySetOfBuckets() {
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new InMemoryStoreModule(),
            binder -> binder.bind(Clock.class).toInstance(MutableClock.at("2026-03-02T09:00:00Z")));

    RateLimits limits = injector.getInstance(RateLimits.class);

    assertThat(limits).isInstanceOf(InMemoryRateLimits.class);
    assertThat(limits.take(global, 20).granted()).isTrue();
    assertThat(injector.getInstance(RateLimits.class).take(global, 1).granted())
        .as("the same buckets wherever injected")
        .isFalse();
  }

  @Test
  void redisStore_bindsBucketsInRedis_underTheStoresPrefix(TestRedis server) {
    Injector injector =
        Guice.createInjector(Stage.PRODUCTION, new RedisStoreModule(server.client()));

    RateLimits limits = injector.getInstance(RateLimits.class);

    assertThat(limits).isInstanceOf(RedisRateLimits.class);
    assertThat(limits.take(global, 20).granted()).isTrue();
    assertThat(server.allKeys()).containsExactly("ek:{rate}:telegram:global");
    assertThat(injector.getInstance(RateLimits.class).take(global, 1).granted()).isFalse();
  }
}
