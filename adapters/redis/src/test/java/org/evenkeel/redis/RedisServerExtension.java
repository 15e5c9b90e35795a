package org.evenkeel.redis;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a real Redis ({@link TestRedis}) as a constructor or method parameter.
 * The server starts once per test run, on first use, and stops when the run ends; its database is
 * flushed before every test.
 */
public final class RedisServerExtension implements BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisServerExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    redis(context).flush();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestRedis.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return redis(context);
  }

  private static TestRedis redis(ExtensionContext context) {
    // The root context's store lives for the whole run and closes AutoCloseable values at its end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(TestRedis.class, k -> TestRedis.start(), TestRedis.class);
  }
}
