package org.evenkeel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getUpdates} whose answer is read one update at a time. TelegramBots reads the whole batch
 * at once: a single update it cannot read (a field of a type it does not expect, as a newer Bot API
 * may send) fails the batch, and its poller asks again from the same offset, for ever, so nobody is
 * answered any more. Here such an update becomes an empty one with its {@code update_id} only:
 * polling passes it (the adapter finds nothing in it to handle) and goes on. It is logged by id and
 * error type, never with its content.
 */
final class TolerantGetUpdates extends GetUpdates {

  /** As TelegramBots' own poller: "Values between 1-100 are accepted." */
  static final int LIMIT = 100;

  /** Seconds a poll is held open when there is nothing to return (TelegramBots' default). */
  static final int TIMEOUT_SECONDS = 50;

  private static final Logger log = LoggerFactory.getLogger(TolerantGetUpdates.class);

  // As the library reads updates, with unknown fields ignored everywhere (Telegram adds fields).
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * @param offset the first update_id wanted: the last one received plus one
   */
  TolerantGetUpdates(int offset, List<String> allowedUpdates) {
    super(offset, LIMIT, TIMEOUT_SECONDS, List.copyOf(allowedUpdates));
  }

  @Override
  public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
    JsonNode result;
    try {
      JsonNode response = JSON.readTree(answer);
      result = response.path("result");
      if (!response.path("ok").asBoolean(false) || !result.isArray()) {
        return super.deserializeResponse(answer); // an error: the library reads it as one
      }
    } catch (JsonProcessingException e) {
      return super.deserializeResponse(answer); // not JSON: the library says so
    }
    ArrayList<Update> updates = new ArrayList<>(result.size());
    for (JsonNode update : result) {
      updates.add(read(update));
    }
    return updates;
  }

  private static Update read(JsonNode update) throws TelegramApiRequestException {
    try {
      return JSON.treeToValue(update, Update.class);
    } catch (JsonProcessingException e) {
      if (!update.path("update_id").canConvertToInt()) {
        // Without an id there is no offset to pass it by: fail the batch as the library would.
        throw new TelegramApiRequestException("Unable to deserialize response", e);
      }
      int id = update.get("update_id").asInt();
      log.error(
          "telegram: update {} could not be read and was skipped ({})", id, e.getClass().getName());
      Update empty = new Update();
      empty.setUpdateId(id);
      return empty;
    }
  }
}
