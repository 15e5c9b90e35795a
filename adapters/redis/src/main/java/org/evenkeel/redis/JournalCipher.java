package org.evenkeel.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of members' journal entries (gratitude, notes, moods) with AES-256-GCM. Each
 * stored entry is {@code ~<keyId>:<base64 of a 12-byte nonce, the ciphertext and the 16-byte tag>};
 * the member's key ({@code <platform>:<userId>}) is the additional authenticated data, so an entry
 * cannot be moved to another member unnoticed.
 *
 * <p>A key ring: the first key encrypts, every key decrypts, so a key is rotated by putting the new
 * one first and keeping the old ones until no entry needs them (docs/operations.md, Encryption at
 * rest). Entries written before encryption was turned on stay readable as they are.
 */
public final class JournalCipher {

  /** No encryption: entries are stored as plain JSON. */
  public static final JournalCipher NONE = new JournalCipher(List.of());

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final char MARK = '~';
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Key> ring;
  private final Map<String, Key> byId = new LinkedHashMap<>();

  /**
   * One key of the ring.
   *
   * @param id a short name stored with every entry it encrypts: 1-16 of A-Z a-z 0-9 _ -
   * @param secret 32 bytes
   */
  public record Key(String id, byte[] secret) {
    public Key {
      if (id == null || !KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "a journal key id must be 1-16 of A-Z a-z 0-9 _ - but was '" + id + "'");
      }
      if (secret == null || secret.length != 32) {
        throw new IllegalArgumentException(
            "journal key '"
                + id
                + "' must be 32 bytes (base64 of 32 random bytes, e.g. openssl rand -base64 32)"
                + " but was "
                + (secret == null ? 0 : secret.length));
      }
      secret = secret.clone();
    }
  }

  private JournalCipher(List<Key> ring) {
    this.ring = List.copyOf(ring);
    for (Key key : ring) {
      if (byId.put(key.id(), key) != null) {
        throw new IllegalArgumentException("journal key id '" + key.id() + "' appears twice");
      }
    }
  }

  /** A ring whose first key encrypts. */
  public static JournalCipher of(List<Key> ring) {
    if (ring.isEmpty()) {
      throw new IllegalArgumentException("a journal key ring needs at least one key");
    }
    return new JournalCipher(ring);
  }

  /**
   * Reads a ring written as {@code id:base64[,id:base64…]}, the encrypting key first. Errors name
   * the key by its id or position, never its material.
   */
  public static JournalCipher parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("the journal key ring is empty");
    }
    List<Key> ring = new ArrayList<>();
    String[] entries = spec.strip().split("\\s*,\\s*");
    for (int i = 0; i < entries.length; i++) {
      int colon = entries[i].indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("journal key " + (i + 1) + " must be written id:base64");
      }
      String id = entries[i].substring(0, colon);
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(entries[i].substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("journal key '" + id + "' is not valid base64");
      }
      ring.add(new Key(id, secret));
    }
    return of(ring);
  }

  /** Whether entries are encrypted. */
  public boolean encrypts() {
    return !ring.isEmpty();
  }

  /** The id of the key new entries are encrypted with; empty when not encrypting. */
  public String activeKeyId() {
    return ring.isEmpty() ? "" : ring.get(0).id();
  }

  /** {@code plain} as stored for {@code member}: encrypted with the first key, if any. */
  String seal(String plain, String member) {
    if (ring.isEmpty()) {
      return plain;
    }
    Key key = ring.get(0);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher aes = cipher(Cipher.ENCRYPT_MODE, key, nonce, member);
      byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return MARK + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt a journal entry", e);
    }
  }

  /**
   * What {@code stored} says: decrypted when it was encrypted, as it is when not.
   *
   * @throws IllegalStateException when its key is not in the ring, or it does not authenticate
   *     (damaged, or another member's), naming the key id only
   */
  String open(String stored, String member) {
    if (stored.isEmpty() || stored.charAt(0) != MARK) {
      return stored;
    }
    int colon = stored.indexOf(':');
    String id = colon < 0 ? "" : stored.substring(1, colon);
    Key key = byId.get(id);
    if (key == null) {
      throw new IllegalStateException(
          "a journal entry is encrypted with key '"
              + id
              + "', which is not in the key ring (EVENKEEL_JOURNAL_KEYS)");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
      byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
      Cipher aes = cipher(Cipher.DECRYPT_MODE, key, nonce, member);
      byte[] plain = aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalStateException(
          "a journal entry under key '" + id + "' does not decrypt: damaged, or not this member's");
    }
  }

  private static Cipher cipher(int mode, Key key, byte[] nonce, String member)
      throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    aes.updateAAD(member.getBytes(StandardCharsets.UTF_8));
    return aes;
  }
}
