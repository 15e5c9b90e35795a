package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /export: a private JSON file with everything the bot holds about the member. */
class ExportTest {

  private final Conversation chat = Members.onboarded();

  private String exportJson() {
    chat.say("/export");
    List<SendFile> files = chat.replies(SendFile.class);
    assertThat(files).hasSize(1);
    return new String(files.get(0).content(), StandardCharsets.UTF_8);
  }

  @Test
  void export_sendsAProtectedJsonFile_withACaption() {
    chat.say("/export");

    SendFile file = chat.replies(SendFile.class).get(0);
    assertThat(file.fileName()).endsWith(".json");
    assertThat(file.mediaType()).isEqualTo("application/json");
    assertThat(file.protect()).isTrue();
    assertThat(file.caption().plainText()).isEqualTo(chat.message("export.ready"));
  }

  @Test
  void export_containsTheJournalTextAndSettings() {
    chat.say("/gratitude");
    chat.say("my sponsor picked up the \"phone\"");
    chat.tap(chat.message("common.skip"));
    chat.tap(chat.message("common.skip"));
    chat.say("/checkin");
    chat.tap("3");
    chat.tap(chat.message("checkin.note.add"));
    chat.say("tired but ok");

    String json = exportJson();

    assertThat(json)
        .contains("my sponsor picked up the \\\"phone\\\"")
        .contains("\"tired but ok\"")
        .contains("\"mood\": 3")
        .contains("\"country\": \"GB\"")
        .contains("\"time_zone\": \"Europe/London\"")
        .contains("\"checkin_time\": \"09:00\"");
  }

  @Test
  void export_ofANewMember_isStillAFile() {
    Conversation stranger = Members.newMember();

    stranger.say("/export");

    assertThat(stranger.replies(SendFile.class)).hasSize(1);
  }

  @Test
  void export_afterForget_holdsNothingOfTheOldData() {
    chat.say("/gratitude");
    chat.say("my secret good thing");
    chat.say("/forget");
    chat.tap(chat.message("forget.delete"));

    String json = exportJson();

    assertThat(json).doesNotContain("my secret good thing").doesNotContain("\"GB\"");
  }
}
