package org.evenkeel.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from this package's resources, run by its SHA-1 ({@code EVALSHA}) so only the hash
 * travels on the hot path. When the server does not know the script yet (first use, a restart, a
 * failover to a replica that never saw it) Redis answers {@code NOSCRIPT} and the script is sent
 * once in full with {@code EVAL}, which also caches it on that server.
 */
final class LuaScript {

  private final String source;
  private final String sha1;

  private LuaScript(String source) {
    this.source = source;
    this.sha1 = sha1(source);
  }

  /**
   * The script made of the resources {@code org/evenkeel/redis/<name>}, in order: a library of
   * local functions (such as {@code snapshot.lua}) first, the script that uses it last.
   */
  static LuaScript named(String... names) {
    StringBuilder source = new StringBuilder();
    for (String name : names) {
      source.append(resource(name));
    }
    return new LuaScript(source.toString());
  }

  private static String resource(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Lua script missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lua script " + name, e);
    }
  }

  /**
   * Runs the script; on Redis Cluster every key must carry the same hash tag.
   *
   * @throws org.evenkeel.core.port.StoreUnavailableException when Redis cannot be reached or cannot
   *     serve for now ({@link RedisOutages})
   */
  Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
    return RedisOutages.guard(
        () -> {
          try {
            return redis.evalsha(sha1, keys, args);
          } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
          }
        });
  }

  private static String sha1(String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
  }
}
