package org.evenkeel.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.model.MemberId;

/**
 * The names of every key Evenkeel keeps in Redis; {@code docs/redis.md} describes each one.
 *
 * <p>Every member belongs to one of {@link #partitions()} partitions ({@link #partition}: CRC-32 of
 * {@code <platform>:<userId>}, modulo the count). A partition's keys share the hash tag {@code
 * {p<k>}}: its members' keys ({@code <prefix>:{p<k>}:m:<platform>:<userId>:…}), its due-queue pair,
 * its set of conversations with mail waiting and the mailbox's event claims of its members. So they
 * live in one Cluster slot, and one Lua script may touch a member's keys together with its
 * partition's queues. The claims of {@link RedisEventClaims}, which knows no member, carry no tag:
 * each is a single key. Rate-limit buckets all share the tag {@code {rate}}: one take may name any
 * of them together.
 */
public final class RedisKeys {

  /** The prefix used unless configured otherwise. */
  public static final String DEFAULT_PREFIX = "ek";

  /**
   * Members are spread over 64 partitions unless configured otherwise: enough slots to spread over
   * the masters of any cluster we expect (a partition is one slot), few enough that a search of
   * every partition on Cluster ({@code claimDue}, {@code orphaned}: one request per partition) is
   * cheap. docs/redis.md, Partitions.
   */
  public static final int DEFAULT_PARTITIONS = 64;

  /**
   * At most 1024 partitions: more would spread no better (16,384 Cluster slots, far fewer masters)
   * and make every search of all partitions on Cluster cost more than a thousand requests.
   */
  public static final int MAX_PARTITIONS = 1024;

  private final String prefix;
  private final int partitions;

  /**
   * Keys under {@code prefix}.
   *
   * @throws IllegalArgumentException when the prefix is blank or holds whitespace or braces (a
   *     brace would change which part of the key Redis Cluster hashes)
   */
  public RedisKeys(String prefix) {
    this(prefix, DEFAULT_PARTITIONS);
  }

  /**
   * Keys under {@code prefix}, members spread over {@code partitions} partitions. The count decides
   * where every member's keys are, so it is fixed once members are stored: changing it needs a
   * migration (docs/redis.md, Partitions).
   *
   * @throws IllegalArgumentException for a prefix as above, or a partition count outside 1 to
   *     {@link #MAX_PARTITIONS}
   */
  public RedisKeys(String prefix, int partitions) {
    if (prefix == null || prefix.isBlank() || !prefix.matches("[^\\s{}]+")) {
      throw new IllegalArgumentException(
          "Redis key prefix must be non-blank, without whitespace or braces, but was '"
              + prefix
              + "'");
    }
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "Redis partitions must be between 1 and "
              + MAX_PARTITIONS
              + " but was "
              + partitions
              + "; keep the number the stored members were written with (changing it needs a"
              + " migration, see docs/redis.md, Partitions)");
    }
    this.prefix = prefix;
    this.partitions = partitions;
  }

  /** Keys under {@link #DEFAULT_PREFIX}. */
  public static RedisKeys withDefaultPrefix() {
    return new RedisKeys(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  /** How many partitions the members are spread over. */
  public int partitions() {
    return partitions;
  }

  /**
   * The member's partition, 0 to {@code partitions() - 1}: the CRC-32 (the common IEEE one, {@link
   * CRC32}) of the UTF-8 bytes of {@code <platform>:<userId>}, modulo the partition count. Stable
   * across runs, instances and Java versions, and easy to compute elsewhere (a migration).
   */
  public int partition(MemberId member) {
    CRC32 crc = new CRC32();
    crc.update(member.key().getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }

  /**
   * What every key of a partition's members starts with, {@code <prefix>:{p<k>}:m:}, followed by
   * {@code <platform>:<userId>:}; the orphan search builds mailbox and lease keys from it.
   */
  public String memberPrefix(int partition) {
    return partitionTag(partition) + ":m:";
  }

  /**
   * The keys {@code snapshot.lua} reads for a turn in this conversation, in the order it takes
   * them: profile, session, journal, records. Scripts that hand out a snapshot take them last.
   */
  public List<String> snapshot(ConversationAddress address) {
    MemberId member = address.member();
    return List.of(profile(member), session(address), journal(member), records(member));
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

  /**
   * Which platform message each engine ref names in the member's conversations: a hash of {@code
   * <chatId>#<ref>} to the message id, expiring a day after it was last written.
   */
  public String refs(MemberId member) {
    return tag(member) + ":refs";
  }

  /**
   * The chats of {@code platform} that changed their id ({@link
   * org.evenkeel.core.port.ChatMigrations}): one small hash, {@code s:<chatId>} to the state id and
   * {@code c:<stateId>} to the current id. Migrations are rare, so one key serves them all.
   */
  public String chatMigrations(String platform) {
    return prefix + ":{chats}:" + platform;
  }

  /**
   * A community's settings ({@link org.evenkeel.core.port.CommunitySettings}): one small hash per
   * community, field = setting name. Its own hash tag: nothing else is written with it.
   */
  public String communitySettings(String platform, String communityId) {
    return prefix + ":{c:" + platform + ":" + communityId + "}:settings";
  }

  /** A lease ({@link org.evenkeel.core.port.Leases}), such as a Discord shard's owner. */
  public String lease(String name) {
    return prefix + ":{lease:" + name + "}";
  }

  /** Event ids whose turns this member's conversations committed: a sorted set by expiry. */
  public String processed(MemberId member) {
    return tag(member) + ":done";
  }

  /**
   * Every pending timer of the partition's members: a sorted set scored by due time (epoch millis).
   */
  public String due(int partition) {
    return partitionTag(partition) + ":due";
  }

  /** The due-queue of the member's partition. */
  public String due(MemberId member) {
    return due(partition(member));
  }

  /**
   * The partition's timers handed out by a claim: a sorted set scored by when they become visible
   * again.
   */
  public String dueClaimed(int partition) {
    return partitionTag(partition) + ":due:claimed";
  }

  /** The claimed due-queue of the member's partition. */
  public String dueClaimed(MemberId member) {
    return dueClaimed(partition(member));
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
   * Every conversation of the partition's members with mail waiting: a sorted set of conversation
   * keys ({@code <platform>:<chatId>:<userId>}) scored by when each last made progress (epoch
   * millis), so the ones stuck longest come first.
   */
  public String mailWaiting(int partition) {
    return partitionTag(partition) + ":mail";
  }

  /** The set of conversations with mail waiting of the member's partition. */
  public String mailWaiting(MemberId member) {
    return mailWaiting(partition(member));
  }

  /**
   * The claim of one inbound event, made by {@link RedisEventClaims}. Event ids may contain member
   * ids (a timer's does), and a claim outlives {@code /forget} by up to its time to live, so the
   * key holds a hash of the id instead: the first 16 bytes of its SHA-256, base64url.
   */
  public String eventClaim(String eventId) {
    return prefix + ":claim:" + hashOf(eventId);
  }

  /**
   * The claim of one inbound event of the member's, made by {@link RedisMailbox} when it appends
   * the event: in the member's partition, so the claim and the append are one script on Cluster
   * too. Hashed as in {@link #eventClaim(String)}.
   */
  public String eventClaim(MemberId member, String eventId) {
    return partitionTag(partition(member)) + ":claim:" + hashOf(eventId);
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
    return memberPrefix(partition(member)) + member.key();
  }

  private String partitionTag(int partition) {
    if (partition < 0 || partition >= partitions) {
      throw new IllegalArgumentException(
          "partition must be between 0 and " + (partitions - 1) + " but was " + partition);
    }
    return prefix + ":{p" + partition + "}";
  }

  private static String hashOf(String eventId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
