package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Bot API parameters the four ways the Bot API accepts them
 * (https://core.telegram.org/bots/api#making-requests): the URL query string,
 * application/x-www-form-urlencoded, application/json and multipart/form-data (for uploads).
 */
final class RequestBodyParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
  private static final Pattern DISPOSITION_NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern DISPOSITION_FILE = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

  private RequestBodyParser() {}

  /** Thrown for a body the fake cannot read; the server answers 400 with the message. */
  static final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
      super(message);
    }
  }

  static RequestParameters parse(Optional<String> query, Optional<String> contentType, byte[] body)
      throws MalformedRequestException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, UploadedFile> files = new LinkedHashMap<>();
    query.ifPresent(q -> readUrlEncoded(q, values));
    String type = contentType.orElse("").toLowerCase(Locale.ROOT);
    if (body.length > 0) {
      if (type.startsWith("application/json")) {
        readJson(body, values);
      } else if (type.startsWith("multipart/form-data")) {
        readMultipart(contentType.get(), body, values, files);
      } else {
        readUrlEncoded(new String(body, StandardCharsets.UTF_8), values);
      }
    }
    return new RequestParameters(values, files);
  }

  private static void readJson(byte[] body, Map<String, JsonNode> values)
      throws MalformedRequestException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedRequestException("Bad Request: can't parse JSON object");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedRequestException("Bad Request: can't parse JSON object");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      values.put(field.getKey(), field.getValue());
    }
  }

  private static void readUrlEncoded(String text, Map<String, JsonNode> values) {
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(decode(name), TextNode.valueOf(decode(value)));
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void readMultipart(
      String contentType,
      byte[] body,
      Map<String, JsonNode> values,
      Map<String, UploadedFile> files)
      throws MalformedRequestException {
    Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
    if (!boundaryMatcher.find()) {
      throw new MalformedRequestException("Bad Request: multipart boundary is missing");
    }
    byte[] delimiter = ("--" + boundaryMatcher.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw new MalformedRequestException("Bad Request: multipart body has no parts");
    }
    while (true) {
      int partStart = position + delimiter.length;
      if (startsWith(body, partStart, "--")) {
        return; // the closing delimiter
      }
      partStart = skipLineBreak(body, partStart);
      int next = indexOf(body, delimiter, partStart);
      if (next < 0) {
        throw new MalformedRequestException("Bad Request: multipart body is truncated");
      }
      int partEnd = next;
      if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
        partEnd -= 2;
      }
      readPart(body, partStart, partEnd, values, files);
      position = next;
    }
  }

  private static void readPart(
      byte[] body,
      int start,
      int end,
      Map<String, JsonNode> values,
      Map<String, UploadedFile> files)
      throws MalformedRequestException {
    int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
    if (headersEnd < 0 || headersEnd > end) {
      throw new MalformedRequestException("Bad Request: multipart part has no headers");
    }
    String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
    String disposition = "";
    String partType = "application/octet-stream";
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = value;
      } else if (header.equals("content-type")) {
        partType = value;
      }
    }
    Matcher name = DISPOSITION_NAME.matcher(disposition);
    if (!name.find()) {
      throw new MalformedRequestException("Bad Request: multipart part has no name");
    }
    int contentStart = headersEnd + 4;
    byte[] content = java.util.Arrays.copyOfRange(body, contentStart, Math.max(contentStart, end));
    Matcher fileName = DISPOSITION_FILE.matcher(disposition);
    if (fileName.find()) {
      files.put(
          name.group(1), new UploadedFile(name.group(1), fileName.group(1), partType, content));
    } else {
      values.put(name.group(1), TextNode.valueOf(new String(content, StandardCharsets.UTF_8)));
    }
  }

  private static int skipLineBreak(byte[] body, int at) {
    if (startsWith(body, at, "\r\n")) {
      return at + 2;
    }
    return at < body.length && body[at] == '\n' ? at + 1 : at;
  }

  private static boolean startsWith(byte[] body, int at, String ascii) {
    if (at + ascii.length() > body.length) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (body[at + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
