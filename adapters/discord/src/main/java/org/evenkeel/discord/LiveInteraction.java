package org.evenkeel.discord;

import static org.evenkeel.core.text.Checks.require;
import static org.evenkeel.core.text.Checks.requireValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An interaction the bot acknowledged and may still answer through: its token (valid for 15
 * minutes,
 * discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object),
 * whether its answers are ephemeral (in a server: only the member sees them), and whether a
 * deferred reply still shows "thinking…" and waits for its first message.
 *
 * <p>Kept as a message ref of the conversation ({@link #REF}), so whichever instance delivers the
 * turn answers through it. The token is a short-lived credential for this one interaction: it is
 * never logged.
 */
record LiveInteraction(String token, Instant expiresAt, boolean ephemeral, boolean awaitingReply) {

  /** The ref name under which a conversation's live interaction is kept. */
  static final String REF = "~interaction";

  /** How long Discord accepts an interaction's follow-ups. */
  static final Duration LIFETIME = Duration.ofMinutes(15);

  /** Not used this close to expiry: a send under way must not outlive the token. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  LiveInteraction {
    requireValue(token, "token");
    requireValue(expiresAt, "expiresAt");
    require(!token.isBlank() && token.indexOf(' ') < 0, "interaction token must be one word");
  }

  static LiveInteraction deferredReply(String token, Instant now, boolean ephemeral) {
    return new LiveInteraction(token, now.plus(LIFETIME), ephemeral, true);
  }

  static LiveInteraction deferredUpdate(String token, Instant now, boolean ephemeral) {
    return new LiveInteraction(token, now.plus(LIFETIME), ephemeral, false);
  }

  boolean usableAt(Instant now) {
    return now.plus(MARGIN).isBefore(expiresAt);
  }

  LiveInteraction replied() {
    return new LiveInteraction(token, expiresAt, ephemeral, false);
  }

  String encode() {
    return expiresAt.toEpochMilli()
        + " "
        + (ephemeral ? "e" : "p")
        + (awaitingReply ? "w" : "r")
        + " "
        + token;
  }

  /** The stored form back, or empty when it is not one (a ref written by another version). */
  static Optional<LiveInteraction> decode(String stored) {
    String[] parts = stored.split(" ", 3);
    if (parts.length != 3 || parts[1].length() != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LiveInteraction(
              parts[2],
              Instant.ofEpochMilli(Long.parseLong(parts[0])),
              parts[1].charAt(0) == 'e',
              parts[1].charAt(1) == 'w'));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
