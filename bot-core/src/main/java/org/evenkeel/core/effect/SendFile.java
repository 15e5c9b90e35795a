package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.text.FormattedText;

/**
 * Send a file privately, such as a member's data export. Made by the dispatcher from {@link
 * SendExport}; the engine never reads files.
 *
 * @param fileName the name the member sees
 * @param mediaType the content type, e.g. {@code application/json}
 * @param content the bytes (copied)
 * @param caption a message sent with it
 * @param protect ask the platform to prevent forwarding and saving where it can
 */
public record SendFile(
    String fileName, String mediaType, byte[] content, FormattedText caption, boolean protect)
    implements Effect {

  public SendFile {
    requireValue(fileName, "fileName");
    requireValue(mediaType, "mediaType");
    content = requireValue(content, "content").clone();
    requireValue(caption, "caption");
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
