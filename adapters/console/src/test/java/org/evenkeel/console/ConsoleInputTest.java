package org.evenkeel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.model.ConversationAddress;
import org.junit.jupiter.api.Test;

class ConsoleInputTest {

  private static final ConversationAddress ME = ConversationAddress.direct("console", "me");
  private static final List<Choice> BUTTONS =
      List.of(new Choice("Done", "s1.done"), new Choice("Not now", "s1.not_now"));

  private static InboundEvent map(String line) {
    return ConsoleInput.map("id", ME, line, BUTTONS);
  }

  @Test
  void slashLine_isCommandWithArguments() {
    assertThat(map("/checkin feeling low"))
        .isEqualTo(new CommandInvoked("id", ME, "checkin", "feeling low"));
  }

  @Test
  void botNameSuffix_isDroppedFromCommand() {
    assertThat(map("/help@evenkeel_bot")).isEqualTo(new CommandInvoked("id", ME, "help", ""));
  }

  @Test
  void numberOfShownButton_pressesIt() {
    assertThat(map(" 2 ")).isEqualTo(new ButtonPressed("id", ME, "s1.not_now"));
  }

  @Test
  void labelOfShownButton_pressesIt_ignoringCase() {
    assertThat(map("not NOW")).isEqualTo(new ButtonPressed("id", ME, "s1.not_now"));
  }

  @Test
  void numberBeyondButtons_isText() {
    assertThat(map("3")).isEqualTo(new TextMessage("id", ME, "3"));
  }

  @Test
  void lonelySlash_isText_soItIsScreened() {
    assertThat(map("/ i want to die")).isInstanceOf(TextMessage.class);
  }

  @Test
  void otherText_isTextUntouched() {
    assertThat(map("  i'm freaking out "))
        .isEqualTo(new TextMessage("id", ME, "  i'm freaking out "));
  }
}
