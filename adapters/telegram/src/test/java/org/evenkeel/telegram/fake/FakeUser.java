package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A Telegram user who writes to the bot in the fake's updates. In a private chat the chat id is the
 * user id, as on Telegram.
 */
public record FakeUser(long id, String firstName, Optional<String> username, String languageCode) {

  public FakeUser {
    if (id <= 0) {
      throw new IllegalArgumentException("user ids are positive: " + id);
    }
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(languageCode, "languageCode");
  }

  /** A user named "Member {id}" with an English client. */
  public static FakeUser of(long id) {
    return new FakeUser(id, "Member " + id, Optional.empty(), "en");
  }

  public FakeUser withLanguage(String code) {
    return new FakeUser(id, firstName, username, code);
  }

  public FakeUser withFirstName(String name) {
    return new FakeUser(id, name, username, languageCode);
  }

  public FakeUser withUsername(String name) {
    return new FakeUser(id, firstName, Optional.of(name), languageCode);
  }

  /** The Bot API User object. */
  ObjectNode toJson() {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.put("id", id).put("is_bot", false).put("first_name", firstName);
    username.ifPresent(name -> user.put("username", name));
    return user.put("language_code", languageCode);
  }

  /** The Bot API Chat object of the private chat with this user. */
  ObjectNode privateChat() {
    ObjectNode chat = JsonNodeFactory.instance.objectNode();
    chat.put("id", id).put("first_name", firstName);
    username.ifPresent(name -> chat.put("username", name));
    return chat.put("type", "private");
  }
}
