package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evenkeel.telegram.SplitHtmlTest.words;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.CancelTimer;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendExport;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.effect.StartTimer;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.telegram.fake.ParsedText;
import org.evenkeel.telegram.fake.TelegramHtml;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

class TelegramRendererTest {

  private static final long CHAT = 42L;
  private static final List<Choice> YES_NO =
      List.of(new Choice("Yes", "s1.yes"), new Choice("No", "s1.no"));

  private final TelegramRenderer renderer = new TelegramRenderer();

  @Test
  void aMessage_isOneHtmlSendMessage_withoutLinkPreview() {
    List<TelegramCall> calls =
        renderer.render(CHAT, SendMessage.text(FormattedText.of("Find *5 things* & breathe")));

    org.telegram.telegrambots.meta.api.methods.send.SendMessage sent = message(calls, 0);
    assertThat(calls).hasSize(1);
    assertThat(sent.getChatId()).isEqualTo("42");
    assertThat(sent.getText()).isEqualTo("Find <b>5 things</b> &amp; breathe");
    assertThat(sent.getParseMode()).isEqualTo("HTML");
    assertThat(sent.getLinkPreviewOptions().getIsDisabled()).isTrue();
    assertThat(sent.getReplyMarkup()).isNull();
  }

  @Test
  void aLongMessageWithButtonsAndARef_putsButtonsAndRefOnTheLastPartOnly() {
    SendMessage effect =
        new SendMessage(FormattedText.of(words(9000)), YES_NO, Optional.of("pace"));

    List<TelegramCall> calls = renderer.render(CHAT, effect);

    assertThat(calls)
        .hasSize(3)
        .allSatisfy(c -> assertThat(c).isInstanceOf(TelegramCall.Message.class));
    assertThat(calls.subList(0, 2))
        .allSatisfy(
            c -> {
              assertThat(((TelegramCall.Message) c).method().getReplyMarkup()).isNull();
              assertThat(((TelegramCall.Message) c).ref()).isEmpty();
            });
    TelegramCall.Message last = (TelegramCall.Message) calls.get(2);
    assertThat(last.ref()).contains("pace");
    assertThat(last.method().getReplyMarkup()).isNotNull();
    assertThat(calls)
        .allSatisfy(
            c ->
                assertThat(visible(((TelegramCall.Message) c).method().getText()).length())
                    .isLessThanOrEqualTo(TelegramRenderer.MESSAGE_MAX_LENGTH));
  }

  @Test
  void aBlankMessage_isNotSent() {
    assertThat(renderer.render(CHAT, SendMessage.text(FormattedText.of("  \n ")))).isEmpty();
  }

  @Test
  void aBlankMessageWithButtons_showsAnEllipsis_soTheButtonsArrive() {
    List<TelegramCall> calls =
        renderer.render(CHAT, SendMessage.withChoices(FormattedText.of(""), YES_NO));

    assertThat(message(calls, 0).getText()).isEqualTo("…");
    assertThat(message(calls, 0).getReplyMarkup()).isNotNull();
  }

  @Test
  void typing_isSendChatActionTyping() {
    List<TelegramCall> calls = renderer.render(CHAT, new ShowTyping());

    assertThat(calls).singleElement().isInstanceOf(TelegramCall.Typing.class);
    SendChatAction action = (SendChatAction) calls.get(0).method();
    assertThat(action.getAction()).isEqualTo("typing");
    assertThat(action.getChatId()).isEqualTo("42");
  }

  @Test
  void anEditWithATarget_isEditMessageText_withTheSameHtmlAndKeyboardRules() {
    EditMessage edit = new EditMessage("pace", FormattedText.of("Breathe *in*… 4"), YES_NO);

    List<TelegramCall> calls = renderer.render(CHAT, edit, Optional.of(17));

    assertThat(calls).singleElement().isInstanceOf(TelegramCall.Edit.class);
    EditMessageText method = (EditMessageText) calls.get(0).method();
    assertThat(method.getMessageId()).isEqualTo(17);
    assertThat(method.getChatId()).isEqualTo("42");
    assertThat(method.getText()).isEqualTo("Breathe <b>in</b>… 4");
    assertThat(method.getParseMode()).isEqualTo("HTML");
    assertThat(method.getReplyMarkup().getKeyboard()).hasSize(1);
  }

  @Test
  void anEditWithoutChoices_hasNoKeyboard_whichRemovesTheButtons() {
    EditMessage edit = new EditMessage("pace", FormattedText.of("Done"), List.of());

    EditMessageText method =
        (EditMessageText) renderer.render(CHAT, edit, Optional.of(17)).get(0).method();

    assertThat(method.getReplyMarkup()).isNull();
  }

  @Test
  void anEditOverTheLimit_isTruncatedWithAnEllipsis_notSplit() {
    EditMessage edit = new EditMessage("pace", FormattedText.of("*" + words(6000) + "*"), YES_NO);

    List<TelegramCall> calls = renderer.render(CHAT, edit, Optional.of(17));

    assertThat(calls).hasSize(1);
    String html = ((EditMessageText) calls.get(0).method()).getText();
    ParsedText.Visible shown = visible(html);
    assertThat(shown.length()).isLessThanOrEqualTo(TelegramRenderer.MESSAGE_MAX_LENGTH);
    assertThat(shown.text()).endsWith("…");
    assertThat(html).startsWith("<b>").endsWith("</b>…");
  }

  @Test
  void anEditWithoutATarget_isSentAsANewMessage_carryingTheRef() {
    EditMessage edit = new EditMessage("pace", FormattedText.of("Hold… 4"), YES_NO);

    List<TelegramCall> calls = renderer.render(CHAT, edit, Optional.empty());

    assertThat(calls).singleElement().isInstanceOf(TelegramCall.Message.class);
    assertThat(((TelegramCall.Message) calls.get(0)).ref()).contains("pace");
    assertThat(message(calls, 0).getReplyMarkup()).isNotNull();
  }

  @Test
  void anEditTarget_forSomethingThatIsNotAnEdit_isRefused() {
    assertThatThrownBy(() -> renderer.render(CHAT, new ShowTyping(), Optional.of(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edit target 3 given for ShowTyping");
  }

  @Test
  void effectsTheAdapterDoesNotSend_areRefused_byName() {
    assertThatThrownBy(() -> renderer.render(CHAT, new CancelTimer("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not something Telegram is sent: CancelTimer");
    assertThatThrownBy(() -> renderer.render(CHAT, new StartTimer("t", Instant.EPOCH, false)))
        .hasMessageContaining("StartTimer");
    assertThatThrownBy(() -> renderer.render(CHAT, new SendExport(FormattedText.of("x"))))
        .hasMessageContaining("SendExport");
  }

  @Test
  void aFile_isAProtectedDocument_withItsBytesNameAndHtmlCaption() {
    byte[] json = "{\"journal\":[]}".getBytes(StandardCharsets.UTF_8);
    SendFile file =
        new SendFile(
            "evenkeel-export.json",
            "application/json",
            json,
            FormattedText.of("*Your data* & you"),
            true);

    List<TelegramCall> calls = renderer.render(CHAT, file);

    assertThat(calls).singleElement().isInstanceOf(TelegramCall.Document.class);
    SendDocument document = (SendDocument) calls.get(0).method();
    assertThat(document.getChatId()).isEqualTo("42");
    assertThat(document.getProtectContent()).isTrue();
    assertThat(document.getCaption()).isEqualTo("<b>Your data</b> &amp; you");
    assertThat(document.getParseMode()).isEqualTo("HTML");
    assertThat(document.getDocument().getMediaName()).isEqualTo("evenkeel-export.json");
  }

  @Test
  void aPngOrJpeg_goesAsAPhoto_anythingElseAsADocument() {
    SendFile png =
        new SendFile("mood.png", "image/png", new byte[] {1}, FormattedText.of("*Mood*"), true);
    SendFile svg =
        new SendFile("mood.svg", "image/svg+xml", new byte[] {1}, FormattedText.of(""), true);

    assertThat(renderer.render(CHAT, png).get(0).method())
        .isInstanceOfSatisfying(
            org.telegram.telegrambots.meta.api.methods.send.SendPhoto.class,
            photo -> {
              assertThat(photo.getProtectContent()).isTrue();
              assertThat(photo.getCaption()).isEqualTo("<b>Mood</b>");
              assertThat(photo.getPhoto().getMediaName()).isEqualTo("mood.png");
            });
    assertThat(renderer.render(CHAT, svg).get(0).method()).isInstanceOf(SendDocument.class);
  }

  @Test
  void aDocument_buildsAFreshUploadEachTime_soARetrySendsTheBytesAgain() throws Exception {
    byte[] bytes = {1, 2, 3};
    TelegramCall.Document call =
        (TelegramCall.Document)
            renderer
                .render(
                    CHAT,
                    new SendFile(
                        "f.bin", "application/octet-stream", bytes, FormattedText.of(""), false))
                .get(0);

    SendDocument once = (SendDocument) call.method();
    SendDocument again = (SendDocument) call.method();
    byte[] first = once.getDocument().getNewMediaStream().readAllBytes();
    byte[] second = again.getDocument().getNewMediaStream().readAllBytes();

    assertThat(first).isEqualTo(bytes);
    assertThat(second).isEqualTo(bytes);
    assertThat(once.getCaption()).isNull();
    assertThat(once.getProtectContent()).isFalse();
  }

  @Test
  void aCaptionOf1024_staysACaption() {
    List<TelegramCall> calls = renderer.render(CHAT, file("x".repeat(1024)));

    assertThat(calls).hasSize(1);
    assertThat(((SendDocument) calls.get(0).method()).getCaption()).hasSize(1024);
  }

  @Test
  void aCaptionOver1024_followsTheDocumentAsAMessage() {
    String caption = "&".repeat(1025);

    List<TelegramCall> calls = renderer.render(CHAT, file(caption));

    assertThat(calls).hasSize(2);
    assertThat(((SendDocument) calls.get(0).method()).getCaption()).isNull();
    assertThat(visible(message(calls, 1).getText()).text()).isEqualTo(caption);
    assertThat(message(calls, 1).getProtectContent()).isTrue();
  }

  @Test
  void aCaptionOver4096_followsTheDocumentInSeveralMessages() {
    List<TelegramCall> calls = renderer.render(CHAT, file(words(5000)));

    assertThat(calls).hasSize(3);
    assertThat(calls.subList(1, 3))
        .allSatisfy(c -> assertThat(c).isInstanceOf(TelegramCall.Message.class));
  }

  private static SendFile file(String caption) {
    return new SendFile(
        "export.json", "application/json", new byte[] {1}, FormattedText.plain(caption), true);
  }

  private static org.telegram.telegrambots.meta.api.methods.send.SendMessage message(
      List<TelegramCall> calls, int index) {
    return ((TelegramCall.Message) calls.get(index)).method();
  }

  private static ParsedText.Visible visible(String html) {
    ParsedText parsed = TelegramHtml.parse(html);
    assertThat(parsed).isInstanceOf(ParsedText.Visible.class);
    return (ParsedText.Visible) parsed;
  }
}
