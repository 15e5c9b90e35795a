package org.evenkeel.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name=value} options and their numbers. */
public final class NamedArgs {

  private NamedArgs() {}

  /** Each {@code --name=value} by name; anything else is refused. */
  public static Map<String, String> parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value but got '" + arg + "'");
      }
      given.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return given;
  }

  /** A whole number ({@code 1_000_000} allowed), or {@code otherwise} when not given. */
  public static int integer(String value, int otherwise) {
    return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
  }

  /** Seconds, fractions allowed, or {@code otherwise} when not given. */
  public static Duration seconds(String value, Duration otherwise) {
    return value == null
        ? otherwise
        : Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }
}
