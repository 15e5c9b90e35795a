package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class TolerantGetUpdatesTest {

  private final TolerantGetUpdates getUpdates = new TolerantGetUpdates(7, AllowedUpdates.TYPES);

  private static String message(int updateId, String date, String text) {
    return "{\"update_id\":"
        + updateId
        + ",\"message\":{\"message_id\":1,\"date\":"
        + date
        + ",\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":42,\"is_bot\":false,"
        + "\"first_name\":\"Ann\"},\"text\":\""
        + text
        + "\"}}";
  }

  @Test
  void anUnreadableUpdate_becomesAnEmptyOne_withItsId_betweenTheReadableOnes() throws Exception {
    String answer =
        "{\"ok\":true,\"result\":["
            + message(7, "1700000000", "one")
            + ","
            + message(8, "\"yesterday\"", "poison")
            + ","
            + message(9, "1700000001", "three")
            + "]}";

    List<Update> updates = getUpdates.deserializeResponse(answer);

    assertThat(updates).extracting(Update::getUpdateId).containsExactly(7, 8, 9);
    assertThat(updates.get(0).getMessage().getText()).isEqualTo("one");
    assertThat(updates.get(1).hasMessage()).isFalse();
    assertThat(updates.get(2).getMessage().getText()).isEqualTo("three");
  }

  @Test
  void unknownFields_areIgnored() throws Exception {
    String answer =
        "{\"ok\":true,\"result\":[{\"update_id\":7,\"some_future_update\":{\"id\":1}}]}";

    assertThat(getUpdates.deserializeResponse(answer))
        .singleElement()
        .satisfies(u -> assertThat(u.getUpdateId()).isEqualTo(7));
  }

  @Test
  void anError_isTheLibrarysException_withItsCode() {
    String answer =
        "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other"
            + " getUpdates request\"}";

    assertThatThrownBy(() -> getUpdates.deserializeResponse(answer))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class, e -> assertThat(e.getErrorCode()).isEqualTo(409));
  }

  @Test
  void anUnreadableUpdateWithoutAnId_failsTheBatch_asTheLibraryWould() {
    String answer = "{\"ok\":true,\"result\":[{\"message\":\"not a message\"}]}";

    assertThatThrownBy(() -> getUpdates.deserializeResponse(answer))
        .isInstanceOf(TelegramApiRequestException.class);
  }

  @Test
  void theRequest_isTheOneTelegramBotsWouldSend() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(json.writeValueAsString(getUpdates))
        .isEqualTo(
            json.writeValueAsString(new DefaultGetUpdatesGenerator(AllowedUpdates.TYPES).apply(6)));
  }
}
