package org.evenkeel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** logging.format: json gives one JSON object per line on stderr; text gives the usual lines. */
class LogFormatTest {

  private final PrintStream stderr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    Launcher.useLogFormat("text");
    System.setErr(stderr);
  }

  private String logOneLine() {
    // other tests in this JVM may have turned the root level down (the console chat sets WARN)
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.evenkeel.test"))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerFactory.getLogger("org.evenkeel.test").info("turn done: event {}", "e-42");
    System.setErr(stderr);
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void json_isOneObjectPerLine_withLevelLoggerAndMessage() throws Exception {
    Launcher.useLogFormat("json");

    String out = logOneLine();

    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode event = new ObjectMapper().readTree(lines[0]);
    assertThat(event.path("level").asText()).isEqualTo("INFO");
    assertThat(event.path("loggerName").asText()).isEqualTo("org.evenkeel.test");
    assertThat(event.path("formattedMessage").asText()).isEqualTo("turn done: event e-42");
    assertThat(event.has("timestamp")).isTrue();
  }

  @Test
  void text_isTheReadableLine() {
    Launcher.useLogFormat("json");
    Launcher.useLogFormat("text");

    String out = logOneLine();

    assertThat(out).contains(" INFO  [").contains("org.evenkeel.test - turn done: event e-42");
    assertThat(out).doesNotStartWith("{");
  }
}
