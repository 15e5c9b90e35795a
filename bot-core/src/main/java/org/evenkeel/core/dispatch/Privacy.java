package org.evenkeel.core.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.evenkeel.core.model.ConversationAddress;

/** What of a member may appear in logs: a short one-way tag, never an id or their words. */
public final class Privacy {

  private Privacy() {}

  /** A short tag that lets an operator follow one member through logs without learning who. */
  public static String memberTag(ConversationAddress address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(address.member().key().getBytes(StandardCharsets.UTF_8));
      return address.platform() + "/" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
