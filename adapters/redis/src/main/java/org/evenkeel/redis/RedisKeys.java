package org.evenkeel.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;

/**
 * The names of every key Evenkeel keeps in Redis; {@code docs/redis.md} describes each one.
 *
 * <p>A member's keys share the hash tag {@code {m:<platform>:<userId>}}, so they live in one
 * Cluster slot and one Lua script may touch them all. The due-queue's two sorted sets share the tag
 * {@code {due}}; the set of conversations with mail waiting has the tag {@code {mail}}. Event
 * claims carry no tag: each is a single key, and spreading them over the cluster is what we want.
 * Rate-limit buckets all share the tag {@code {rate}}: one take may name any of them together.
 */
public final class RedisKeys {

  /** The prefix used unless configured otherwise. */
  public static final String DEFAULT_PREFIX = "ek";

  private final String prefix;

  /**
   * Keys under {@code prefix}.
   *
   * @throws IllegalArgumentException when the prefix is blank or holds whitespace or braces (a
   *     brace would change which part of the key Redis Cluster hashes)
   */
  public RedisKeys(String prefix) {
    if (prefix == null || prefix.isBlank() || !prefix.matches("[^\\s{}]+")) {
      throw new IllegalArgumentException(
          "Redis key prefix must be non-blank, without whitespace or braces, but was '"
              + prefix
              + "'");
    }
    this.prefix = prefix;
  }

  /** Keys under {@link #DEFAULT_PREFIX}. */
  public static RedisKeys withDefaultPrefix() {
    return new RedisKeys(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  /** The member's profile: a compact JSON string. */
  public String profile(MemberId member) {
    return tag(member) + ":profile";
  }

  /** The member's journal: a list of compact JSON entries, oldest first. */
  public String journal(MemberId member) {
    return tag(member) + ":journal";
  }

  /** One conversation's session: a hash of {@code v} (version) and {@code s} (state JSON). */
  public String session(ConversationAddress address) {
    return sessionPrefix(address.member()) + address.chatId();
  }

  /** What {@link #session} puts before the chat id; scripts build session keys from it. */
  public String sessionPrefix(MemberId member) {
    return tag(member) + ":sess:";
  }

  /** The set of chat ids that have a session of the member: the index used by export and forget. */
  public String sessions(MemberId member) {
    return tag(member) + ":sessions";
  }

  /**
   * The member's small records, one field each (a hash small enough for Redis's compact encoding):
   * timers, {@code <chatId>:<name>} to {@code <due>:<pacing>}, and milestone counters, {@code
   * :<scope>:<name>} to the counter's JSON. A chat id is never empty, so a field starting with
   * {@code :} is always a counter.
   */
  public String records(MemberId member) {
    return tag(member) + ":records";
  }

  /** Event ids whose turns this member's conversations committed: a sorted set by expiry. */
  public String processed(MemberId member) {
    return tag(member) + ":done";
  }

  /** Every pending timer of every member: a sorted set scored by due time (epoch millis). */
  public String due() {
    return prefix + ":{due}";
  }

  /** Timers handed out by a claim: a sorted set scored by when they become visible again. */
  public String dueClaimed() {
    return prefix + ":{due}:claimed";
  }

  /**
   * One conversation's mailbox: a list of its inbound events not yet handled, oldest first, each as
   * compact JSON ({@link EventCodec}).
   */
  public String mail(ConversationAddress address) {
    return tag(address.member()) + ":mail:" + address.chatId();
  }

  /**
   * The lease on one conversation's mailbox: a string holding the holder's token, with a time to
   * live; whoever holds it is the only one taking events from {@link #mail}.
   */
  public String lease(ConversationAddress address) {
    return tag(address.member()) + ":lease:" + address.chatId();
  }

  /**
   * Every conversation with mail waiting: a sorted set of conversation keys ({@code
   * <platform>:<chatId>:<userId>}) scored by when each last made progress (epoch millis), so the
   * ones stuck longest come first.
   */
  public String mailWaiting() {
    return prefix + ":{mail}";
  }

  /**
   * The claim of one inbound event. Event ids may contain member ids (a timer's does), and a claim
   * outlives {@code /forget} by up to its time to live, so the key holds a hash of the id instead:
   * the first 16 bytes of its SHA-256, base64url.
   */
  public String eventClaim(String eventId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
      return prefix
          + ":claim:"
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /**
   * One rate-limit bucket: a hash whose field {@code f} is when the bucket will be full again
   * (microseconds since the epoch, Redis's clock), with a time to live that ends soon after. Every
   * bucket carries the tag {@code {rate}}, so a take of several buckets (the overall one and a
   * chat's) stays in one Cluster slot, whatever their names.
   */
  public String rateBucket(String name) {
    return prefix + ":{rate}:" + name;
  }

  private String tag(MemberId member) {
    return prefix + ":{m:" + member.key() + "}";
  }
}
