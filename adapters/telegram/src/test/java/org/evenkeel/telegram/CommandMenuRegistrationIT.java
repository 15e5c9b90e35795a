package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.testing.TestContent;
import org.evenkeel.telegram.fake.Failure;
import org.evenkeel.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The command menu set at start, from the real content, against the fake Bot API. */
class CommandMenuRegistrationIT {

  private final FakeBotApi api = FakeBotApi.start();
  private final CommandMenuRegistration registration =
      new CommandMenuRegistration(new OkHttpTelegramClient(api.token(), api.telegramUrl()));

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theMenus_forPrivateChatsAndGroups_areSetInTheContentsOrder_withTheirDescriptions() {
    Content content = TestContent.load();

    assertThat(registration.register(content)).isEqualTo(2);

    JsonNode mine = api.myCommands("all_private_chats", "").orElseThrow();
    assertThat(names(mine)).containsExactlyElementsOf(content.menu().privateChats());
    assertThat(names(mine)).startsWith("start", "ground", "breathe").endsWith("help", "sos");
    assertThat(mine.get(1).path("description").asText())
        .isEqualTo(content.messages().get("en", "commands.ground"));
    assertThat(names(api.myCommands("all_group_chats", "").orElseThrow()))
        .containsExactly("milestone", "help", "sos");
  }

  @Test
  void aLocaleThatDescribesTheCommands_getsItsOwnMenu_forItsLanguage(@TempDir Path dir)
      throws IOException {
    Content content = withGerman(dir);

    assertThat(registration.register(content)).isEqualTo(4);

    JsonNode german = api.myCommands("all_private_chats", "de").orElseThrow();
    assertThat(german.get(1).path("description").asText())
        .isEqualTo("5-4-3-2-1: mit allen Sinnen im Hier und Jetzt");
    assertThat(api.myCommands("all_private_chats", "").orElseThrow().get(1).path("description"))
        .hasToString("\"5-4-3-2-1 grounding, one sense at a time\"");
    assertThat(api.myCommands("all_group_chats", "de")).isPresent();
  }

  @Test
  void aMenuTelegramRefuses_isSkipped_andTheOthersAreStillSet() {
    api.failNext("setMyCommands", 1, Failure.badRequest("BOT_COMMAND_INVALID"));

    assertThat(registration.register(TestContent.load())).isEqualTo(1);

    assertThat(api.myCommands("all_private_chats", "")).isEmpty();
    assertThat(api.myCommands("all_group_chats", "")).isPresent();
  }

  @Test
  void languageCodes_areTelegramsTwoLetterOnes() {
    assertThat(CommandMenuRegistration.languageCode("pt-BR")).isEqualTo("pt");
    assertThat(CommandMenuRegistration.languageCode("de")).isEqualTo("de");
    assertThat(CommandMenuRegistration.languageCode("ES_mx")).isEqualTo("es");
  }

  private static List<String> names(JsonNode commands) {
    List<String> names = new ArrayList<>();
    commands.forEach(c -> names.add(c.path("command").asText()));
    return names;
  }

  /** The real content with a German copy of the English messages, its menu translated. */
  private static Content withGerman(Path dir) throws IOException {
    Path source = TestContent.dir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    String english = Files.readString(dir.resolve("messages/en.yaml"));
    Files.writeString(
        dir.resolve("messages/de.yaml"),
        english.replace(
            "ground: \"5-4-3-2-1 grounding, one sense at a time\"",
            "ground: \"5-4-3-2-1: mit allen Sinnen im Hier und Jetzt\""));
    Path settings = dir.resolve("content.yaml");
    Files.writeString(
        settings, Files.readString(settings).replace("locales: [en]", "locales: [en, de]"));
    return ContentLoader.load(dir);
  }
}
