package org.evenkeel.core.content;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every sentence the bot says, by key, per locale, with a fallback locale for keys a translation
 * lacks.
 */
public final class Messages {

  private final String fallbackLocale;
  private final Map<String, Map<String, String>> byLocale;

  public Messages(String fallbackLocale, Map<String, Map<String, String>> byLocale) {
    this.fallbackLocale = fallbackLocale;
    this.byLocale = Map.copyOf(byLocale);
    if (!this.byLocale.containsKey(fallbackLocale)) {
      throw new IllegalArgumentException("no messages for fallback locale " + fallbackLocale);
    }
  }

  public String fallbackLocale() {
    return fallbackLocale;
  }

  /** Locales that have messages. */
  public Set<String> locales() {
    return byLocale.keySet();
  }

  /** Whether the fallback locale defines {@code key}. */
  public boolean has(String key) {
    return byLocale.get(fallbackLocale).containsKey(key);
  }

  /** The text of {@code key} in {@code locale}, else in the fallback locale. */
  public Optional<String> find(String locale, String key) {
    String text = byLocale.getOrDefault(locale, Map.of()).get(key);
    return text != null
        ? Optional.of(text)
        : Optional.ofNullable(byLocale.get(fallbackLocale).get(key));
  }

  /** The text of {@code key} in {@code locale} itself, without falling back. */
  public Optional<String> findOwn(String locale, String key) {
    return Optional.ofNullable(byLocale.getOrDefault(locale, Map.of()).get(key));
  }

  /** The text of {@code key}; a missing key is a programming error the validator prevents. */
  public String get(String locale, String key) {
    return find(locale, key)
        .orElseThrow(() -> new IllegalStateException("no message for key '" + key + "'"));
  }
}
