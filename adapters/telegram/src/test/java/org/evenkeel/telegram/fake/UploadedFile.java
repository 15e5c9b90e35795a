package org.evenkeel.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file part of a multipart request, as the fake received it.
 *
 * @param partName the multipart field it came in ("document", or the name an {@code attach://}
 *     reference points at)
 * @param fileName the file name the client gave
 * @param contentType the part's content type, "application/octet-stream" when none was sent
 */
public record UploadedFile(String partName, String fileName, String contentType, byte[] bytes) {

  public UploadedFile {
    Objects.requireNonNull(partName, "partName");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content read as UTF-8, for text exports. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UploadedFile that
        && partName.equals(that.partName)
        && fileName.equals(that.fileName)
        && contentType.equals(that.contentType)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partName, fileName, contentType, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "UploadedFile[" + partName + ", " + fileName + ", " + bytes.length + " bytes]";
  }
}
