package org.evenkeel.core.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Test;

/** /help, unknown commands, commands not ready yet, and what plain text falls back to. */
class CommandsTest {

  private final Conversation chat = Members.onboarded();

  @Test
  void help_listsTheCommands_includingSos() {
    chat.say("/help");

    assertThat(chat.texts()).hasSize(1);
    chat.expect("/ground").expect("/breathe").expect("/export").expect("/forget").expect("/sos");
  }

  @Test
  void help_forANewMember_comesAfterTheWelcome() {
    Conversation stranger = Members.newMember();

    stranger.say("/help");

    assertThat(stranger.texts())
        .containsExactly(stranger.message("engine.welcome"), stranger.message("help.text"));
  }

  @Test
  void welcome_isSaidOnlyOnce() {
    Conversation stranger = Members.newMember();
    stranger.say("/help");

    stranger.say("/help");

    stranger.expectNo(stranger.message("engine.welcome"));
  }

  @Test
  void help_typedInWords_showsHelp() {
    chat.say("what can you do");

    chat.expect(chat.message("help.text"));
  }

  @Test
  void unknownCommand_namesIt_andPointsToHelp() {
    chat.say("/dance");

    assertThat(chat.texts())
        .containsExactly("I don't know the command /dance. /help lists the ones I know.");
  }

  @Test
  void unknownCommand_withMarkupCharacters_isShownLiterally() {
    chat.say("/my_*thing*");

    chat.expect("/my_*thing*");
  }

  @Test
  void commands_ignoreCase() {
    chat.say("/GROUND");

    chat.expect(chat.message("ground.see"));
  }

  @Test
  void stop_withNothingRunning_saysSo() {
    chat.say("/stop");

    chat.expect(chat.message("engine.nothing_to_stop"));
  }

  @Test
  void milestone_isNotReadyYet_andSaysSo() {
    chat.say("/milestone");

    chat.expect("/milestone isn't available yet");
  }

  @Test
  void unrecognisedText_getsTheGentleFallback() {
    chat.say("purple monkey dishwasher");

    chat.expect(chat.message("engine.fallback"));
    assertThat(chat.state().session().flow()).isEmpty();
  }

  @Test
  void stickerOrPhoto_asksForText_andLeavesTheFlowAsItWas() {
    chat.say("/gratitude");
    var before = chat.state().session().flow();

    chat.send(new UnsupportedMessage("sticker-1", chat.address, "sticker"));

    chat.expect(chat.message("engine.only_text"));
    assertThat(chat.state().session().flow()).isEqualTo(before);
  }
}
