package org.evenkeel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.text.FormattedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleOutboundTest {

  private static final ConversationAddress ME = ConversationAddress.direct("console", "me");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  @TempDir Path files;

  private ConsoleOutbound plain() {
    return new ConsoleOutbound(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, files);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void message_withButtons_isPrintedWithNumberedChoices() {
    ConsoleOutbound out = plain();
    out.deliver(
        ME,
        List.of(
            SendMessage.withChoices(
                FormattedText.of("Find *5* things\nyou can see."),
                List.of(new Choice("Done", "s1.done"), new Choice("Skip", "s1.skip")))));
    assertThat(printed())
        .isEqualTo("bot> Find 5 things\n     you can see.\n     [1] Done   [2] Skip\n");
    assertThat(out.latestChoices())
        .extracting(Choice::payload)
        .containsExactly("s1.done", "s1.skip");
  }

  @Test
  void controlCharacters_areStripped_soTextCannotDriveTheTerminal() {
    plain().deliver(ME, List.of(SendMessage.text(FormattedText.plain("hi\u001b[2Jthere"))));
    assertThat(printed()).isEqualTo("bot> hi[2Jthere\n");
  }

  @Test
  void edit_inTranscript_printsNewText_butNotAButtonOnlyChange() {
    ConsoleOutbound out = plain();
    out.deliver(
        ME, List.of(new SendMessage(FormattedText.of("In 4"), List.of(), Optional.of("p"))));
    out.deliver(ME, List.of(new EditMessage("p", FormattedText.of("Hold 4"), List.of())));
    out.deliver(ME, List.of(new EditMessage("p", FormattedText.of("Hold 4"), List.of())));
    assertThat(printed()).isEqualTo("bot> In 4\nbot> Hold 4\n");
  }

  @Test
  void typing_isSilentInTranscripts() {
    plain().deliver(ME, List.of(new ShowTyping()));
    assertThat(printed()).isEmpty();
  }

  @Test
  void file_isSavedAndNamed() throws Exception {
    plain()
        .deliver(
            ME,
            List.of(
                new SendFile(
                    "evenkeel-export.json",
                    "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8),
                    FormattedText.of("Here it is."),
                    true)));
    Path saved = files.resolve("me-evenkeel-export.json");
    assertThat(Files.readString(saved)).isEqualTo("{}");
    assertThat(printed()).contains("bot> Here it is.").contains("[file saved: " + saved + "]");
  }
}
