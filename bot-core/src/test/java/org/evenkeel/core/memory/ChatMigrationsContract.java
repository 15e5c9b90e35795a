package org.evenkeel.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evenkeel.core.port.ChatMigrations;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatMigrations} must do. An implementation passes by extending this class:
 * {@link #migrations} returns an empty one, {@link #anotherInstance} the same as another instance
 * of the bot sees it.
 */
public abstract class ChatMigrationsContract {

  protected abstract ChatMigrations migrations();

  protected abstract ChatMigrations anotherInstance();

  @Test
  void aChatThatNeverMoved_mapsToItself() {
    assertThat(migrations().stateId("telegram", "-42")).isEqualTo("-42");
    assertThat(migrations().sendId("telegram", "-42")).isEqualTo("-42");
  }

  @Test
  void aMovedChat_keepsItsFirstIdForState_andIsSentToAtItsNewId_byEveryInstance() {
    migrations().moved("telegram", "-42", "-100777");

    for (ChatMigrations seen : new ChatMigrations[] {migrations(), anotherInstance()}) {
      assertThat(seen.stateId("telegram", "-100777")).isEqualTo("-42");
      assertThat(seen.stateId("telegram", "-42")).isEqualTo("-42");
      assertThat(seen.sendId("telegram", "-42")).isEqualTo("-100777");
      assertThat(seen.sendId("telegram", "-100777")).isEqualTo("-100777");
    }
  }

  @Test
  void recordingAMoveTwice_changesNothing_andAMoveFromTheNewIdFollowsTheChain() {
    migrations().moved("telegram", "-42", "-100777");
    anotherInstance().moved("telegram", "-42", "-100777"); // both service messages were seen

    migrations().moved("telegram", "-100777", "-100888");

    assertThat(migrations().stateId("telegram", "-100888")).isEqualTo("-42");
    assertThat(migrations().sendId("telegram", "-42")).isEqualTo("-100888");
  }

  @Test
  void movesBelongToTheirPlatform() {
    migrations().moved("telegram", "-42", "-100777");

    assertThat(migrations().stateId("discord", "-100777")).isEqualTo("-100777");
    assertThat(migrations().sendId("discord", "-42")).isEqualTo("-42");
  }

  @Test
  void aChatCannotMoveToItself() {
    assertThatThrownBy(() -> migrations().moved("telegram", "-42", "-42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-42");
  }
}
