package org.evenkeel.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A request's body: JSON, or multipart with a {@code payload_json} part and files (how Discord
 * takes uploads: discord.com/developers/docs/reference#uploading-files).
 */
record Request(String text, List<String> fileNames) {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]+)\"");

  static Request read(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    String body = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!type.startsWith("multipart/")) {
      return new Request(new String(bytes, StandardCharsets.UTF_8), List.of());
    }
    Matcher b = BOUNDARY.matcher(type);
    if (!b.find()) {
      return new Request("", List.of());
    }
    String json = "";
    List<String> files = new ArrayList<>();
    for (String part : body.split("--" + Pattern.quote(b.group(1)))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      Matcher name = PART_NAME.matcher(headers);
      Matcher file = FILE_NAME.matcher(headers);
      if (file.find()) {
        files.add(file.group(1));
      } else if (name.find() && name.group(1).equals("payload_json")) {
        String raw = part.substring(split + 4).replaceAll("\r\n$", "");
        json = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return new Request(json, files);
  }

  DataObject json() {
    return text.isBlank() || !text.strip().startsWith("{")
        ? DataObject.empty()
        : DataObject.fromJson(text);
  }

  DataArray array() {
    return text.isBlank() ? DataArray.empty() : DataArray.fromJson(text);
  }
}
