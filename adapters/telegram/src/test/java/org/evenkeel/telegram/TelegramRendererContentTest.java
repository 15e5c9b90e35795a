package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.CrisisResources;
import org.evenkeel.core.content.Step;
import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.telegram.fake.ParsedText;
import org.evenkeel.telegram.fake.TelegramHtml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.yaml.snakeyaml.Yaml;

/**
 * Every message of the real content, with its placeholders filled by awkward member text and by the
 * real crisis resources, rendered as a message, an edit and a caption, and read back by the fake's
 * strict HTML reader: nothing Telegram would refuse, nothing lost but whitespace at cuts.
 */
class TelegramRendererContentTest {

  /** The placeholder syntax of bot-core's Turn. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

  private static final List<String> AWKWARD =
      List.of(
          "<b>&",
          "a < b & c > d",
          "&amp; &lt;script&gt; &#128512;",
          "<script>alert(1)</script>",
          "*not bold* _nor italic_ \\ </b>",
          "שלום \u200F مرحبا \u202E zero\u200Bwidth",
          "Tom & Jerry <3 ".repeat(334).substring(0, 5000),
          "😀".repeat(5000),
          "<&>".repeat(1667).substring(0, 5000),
          "line\n".repeat(1000));

  private static Content content;
  private static Map<String, Set<String>> keysByLocale;

  private final TelegramRenderer renderer = new TelegramRenderer();
  private int partsChecked;
  private int splitMessages;

  @BeforeAll
  static void loadContent() throws IOException {
    Path dir = contentDir();
    content = ContentLoader.load(dir);
    keysByLocale = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("messages"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String locale = file.getFileName().toString().replace(".yaml", "");
        Set<String> keys = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          flatten("", new Yaml().load(reader), keys);
        }
        keysByLocale.put(locale, keys);
      }
    }
  }

  @Test
  void everyMessage_withAwkwardOrRealValues_rendersAsHtmlTelegramAccepts() {
    List<String> values = new ArrayList<>(AWKWARD);
    values.addAll(crisisStrings());
    int messages = 0;
    for (var entry : keysByLocale.entrySet()) {
      for (String key : entry.getValue()) {
        String template = content.messages().get(entry.getKey(), key);
        messages++;
        List<String> fills = PLACEHOLDER.matcher(template).find() ? values : List.of("");
        for (String value : fills) {
          FormattedText text = fill(template, value);
          checkMessage(text, List.of());
          checkEdit(text, List.of());
          checkCaption(text);
        }
      }
    }

    assertThat(messages).as("messages found in content/messages").isGreaterThan(100);
    assertThat(splitMessages).as("messages long enough to be split").isGreaterThan(10);
    assertThat(partsChecked).isGreaterThan(messages * 3);
  }

  @Test
  void everyPromptWithButtons_rendersItsKeyboardWithinTelegramsLimits() {
    int keyboards = 0;
    for (String locale : content.messages().locales()) {
      for (var flow : content.flows().values()) {
        for (Step step : flow.steps()) {
          Optional<Prompt> prompt = prompt(locale, step);
          if (prompt.isPresent()) {
            keyboards++;
            checkMessage(prompt.get().text(), prompt.get().choices());
            checkEdit(prompt.get().text(), prompt.get().choices());
          }
        }
      }
    }

    assertThat(keyboards).as("choice and scale steps in content/flows").isGreaterThan(10);
  }

  @Test
  void crisisServices_asTheCardShowsThem_renderBoldNamesAndEscapedDetails() {
    for (CrisisResources.Service service : services()) {
      String heading =
          "*"
              + FormattedText.escape(service.name())
              + "*"
              + service.hours().map(h -> " (" + FormattedText.escape(h) + ")").orElse("");
      FormattedText card =
          FormattedText.of(heading)
              .joinLine(FormattedText.plain(String.join(" · ", serviceStrings(service))));

      List<String> html = texts(renderer.render(1, SendMessage.text(card)));

      assertThat(html).singleElement().satisfies(h -> assertThat(h).startsWith("<b>"));
      assertThat(visible(html.get(0)).text()).isEqualTo(card.plainText());
    }
  }

  private void checkMessage(FormattedText text, List<Choice> choices) {
    List<TelegramCall> calls = renderer.render(1, SendMessage.withChoices(text, choices));
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < calls.size(); i++) {
      var method = ((TelegramCall.Message) calls.get(i)).method();
      ParsedText.Visible part = visible(method.getText());
      assertThat(part.length()).isBetween(1, TelegramRenderer.MESSAGE_MAX_LENGTH);
      assertThat(part.text()).isNotBlank();
      boolean last = i == calls.size() - 1;
      checkKeyboard((InlineKeyboardMarkup) method.getReplyMarkup(), last ? choices : List.of());
      shown.append(part.text());
      partsChecked++;
    }
    if (calls.size() > 1) {
      splitMessages++;
    }
    String expected = text.plainText().isBlank() && !choices.isEmpty() ? "…" : text.plainText();
    assertThat(withoutWhitespace(shown.toString()))
        .as("what a member reads of %s", abbreviate(text))
        .isEqualTo(withoutWhitespace(expected));
  }

  private void checkEdit(FormattedText text, List<Choice> choices) {
    List<TelegramCall> calls =
        renderer.render(1, new EditMessage("ref", text, choices), Optional.of(7));
    EditMessageText edit = (EditMessageText) calls.get(0).method();
    ParsedText.Visible shown = visible(edit.getText());
    assertThat(calls).hasSize(1);
    assertThat(shown.length()).isBetween(1, TelegramRenderer.MESSAGE_MAX_LENGTH);
    checkKeyboard(edit.getReplyMarkup(), choices);
    partsChecked++;
  }

  private void checkCaption(FormattedText text) {
    List<TelegramCall> calls =
        renderer.render(
            1, new SendFile("export.json", "application/json", new byte[1], text, true));
    SendDocument document = (SendDocument) calls.get(0).method();
    if (document.getCaption() != null) {
      assertThat(visible(document.getCaption()).length())
          .isLessThanOrEqualTo(TelegramRenderer.CAPTION_MAX_LENGTH);
    }
    for (TelegramCall call : calls.subList(1, calls.size())) {
      assertThat(visible(((TelegramCall.Message) call).method().getText()).length())
          .isLessThanOrEqualTo(TelegramRenderer.MESSAGE_MAX_LENGTH);
    }
    partsChecked++;
  }

  private static void checkKeyboard(InlineKeyboardMarkup markup, List<Choice> choices) {
    if (choices.isEmpty()) {
      assertThat(markup).isNull();
      return;
    }
    List<InlineKeyboardButton> buttons =
        markup.getKeyboard().stream().flatMap(List::stream).toList();
    assertThat(buttons)
        .extracting(InlineKeyboardButton::getText)
        .containsExactlyElementsOf(choices.stream().map(Choice::label).toList());
    assertThat(buttons)
        .allSatisfy(
            b ->
                assertThat(b.getCallbackData().getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(1, KeyboardLayout.CALLBACK_DATA_MAX_BYTES));
    assertThat(markup.getKeyboard())
        .allSatisfy(row -> assertThat(row).hasSizeBetween(1, KeyboardLayout.MAX_PER_ROW));
  }

  /** A step's last prompt with the buttons the engine offers under it (payloads as Buttons). */
  private static Optional<Prompt> prompt(String locale, Step step) {
    String seq = "s" + Long.toString(Long.MAX_VALUE, 36) + ".";
    if (step instanceof Step.AskChoice ask && !ask.say().isEmpty()) {
      List<Choice> choices =
          ask.choices().stream()
              .map(c -> new Choice(label(locale, c.label()), seq + c.id()))
              .toList();
      return Optional.of(new Prompt(say(locale, ask.say()), choices));
    }
    if (step instanceof Step.AskScale ask && !ask.say().isEmpty()) {
      List<Choice> choices = new ArrayList<>();
      for (int v = ask.min(); v <= ask.max(); v++) {
        String label = Integer.toString(v);
        if (v == ask.min() && ask.minLabel().isPresent()) {
          label += " · " + label(locale, ask.minLabel().get());
        } else if (v == ask.max() && ask.maxLabel().isPresent()) {
          label += " · " + label(locale, ask.maxLabel().get());
        }
        choices.add(new Choice(label, seq + v));
      }
      return Optional.of(new Prompt(say(locale, ask.say()), choices));
    }
    return Optional.empty();
  }

  private record Prompt(FormattedText text, List<Choice> choices) {}

  private static FormattedText say(String locale, List<String> keys) {
    return fill(content.messages().get(locale, keys.get(keys.size() - 1)), "<b>&");
  }

  private static String label(String locale, String key) {
    return content.messages().get(locale, key);
  }

  /** Fills every placeholder with {@code value}, escaped as the engine escapes member answers. */
  private static FormattedText fill(String template, String value) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(FormattedText.escape(value)));
    }
    m.appendTail(out);
    return FormattedText.of(out.toString());
  }

  private static List<CrisisResources.Service> services() {
    List<CrisisResources.Service> services = new ArrayList<>();
    services.add(content.crisis().international());
    content.crisis().countries().values().forEach(c -> services.addAll(c.services()));
    return services;
  }

  private static List<String> crisisStrings() {
    List<String> strings = new ArrayList<>();
    content.crisis().countries().values().forEach(c -> strings.add(c.emergency()));
    services().forEach(s -> strings.addAll(serviceStrings(s)));
    return strings;
  }

  private static List<String> serviceStrings(CrisisResources.Service s) {
    List<String> strings = new ArrayList<>(List.of(s.name(), s.source()));
    Stream.of(s.phone(), s.text(), s.chat(), s.url(), s.hours())
        .flatMap(Optional::stream)
        .forEach(strings::add);
    return strings;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object node, Set<String> keys) {
    if (node instanceof Map<?, ?> map) {
      for (var e : ((Map<Object, Object>) map).entrySet()) {
        flatten(
            prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(),
            e.getValue(),
            keys);
      }
    } else {
      keys.add(prefix);
    }
  }

  private static List<String> texts(List<TelegramCall> calls) {
    return calls.stream().map(c -> ((TelegramCall.Message) c).method().getText()).toList();
  }

  private static ParsedText.Visible visible(String html) {
    ParsedText parsed = TelegramHtml.parse(html);
    assertThat(parsed)
        .as("Telegram's reading of %s", abbreviate(html))
        .isInstanceOf(ParsedText.Visible.class);
    return (ParsedText.Visible) parsed;
  }

  private static String withoutWhitespace(String text) {
    return text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static String abbreviate(Object text) {
    String s = String.valueOf(text);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /**
   * The repository's content directory, found from the module's working directory (as TestContent).
   */
  private static Path contentDir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("content/content.yaml"))) {
        return p.resolve("content");
      }
    }
    throw new IllegalStateException("no content/ directory above " + here);
  }
}
