package org.evenkeel.discord.fake;

import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One request the bot made: method, path below the API base (e.g. {@code channels/1/messages}), its
 * JSON body (the {@code payload_json} part of a multipart request) and the names of files it
 * uploaded; and the HTTP status the fake answered.
 */
public record RecordedCall(
    String method, String path, DataObject body, List<String> fileNames, int status) {

  public RecordedCall {
    fileNames = List.copyOf(fileNames);
  }

  /** Whether this call was {@code method} on a path matching the regular expression. */
  public boolean is(String method, String pathPattern) {
    return this.method.equals(method) && path.matches(pathPattern);
  }
}
