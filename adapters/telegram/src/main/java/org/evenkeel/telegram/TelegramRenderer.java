package org.evenkeel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;
import org.evenkeel.core.text.TextSplitter;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;

/**
 * Turns the engine's outbound effects for one chat into Bot API calls. Pure: no I/O, no state; safe
 * to share between threads.
 *
 * <ul>
 *   <li>Text is sent as HTML ({@code parse_mode=HTML}): bold and italic from {@link
 *       FormattedText#spans()}, every other character escaped, link previews off.
 *   <li>A message longer than {@value #MESSAGE_MAX_LENGTH} code points is split into several at the
 *       most natural boundary (see {@link TextSplitter}); formatting that spans a cut is reopened
 *       in the next part, and buttons go on the last part only.
 *   <li>An edit cannot become several messages, so a text over the limit is cut at a word and ends
 *       with "…".
 *   <li>A document's caption over {@value #CAPTION_MAX_LENGTH} code points is sent as message(s)
 *       right after the document instead.
 *   <li>A blank text (which Telegram refuses) is dropped, or shown as "…" when it carries buttons,
 *       so the buttons still arrive.
 * </ul>
 */
public final class TelegramRenderer {

  /**
   * "Text of the message to be sent, 1-4096 characters after entities parsing"
   * (core.telegram.org/bots/api#sendmessage); characters are Unicode code points.
   */
  public static final int MESSAGE_MAX_LENGTH = 4096;

  /**
   * "Document caption ..., 0-1024 characters after entities parsing"
   * (core.telegram.org/bots/api#senddocument).
   */
  public static final int CAPTION_MAX_LENGTH = 1024;

  /** What a message with buttons but no visible text shows instead. */
  static final String EMPTY_TEXT = "…";

  private static final LinkPreviewOptions NO_PREVIEW =
      LinkPreviewOptions.builder().isDisabled(true).build();

  /**
   * The calls for {@code effect}, in the order to make them.
   *
   * @param chatId the Telegram chat
   * @param effect an outbound effect: {@link SendMessage}, {@link EditMessage}, {@link ShowTyping}
   *     or {@link SendFile}
   * @param editTarget for an {@link EditMessage}: the Telegram {@code message_id} its ref was sent
   *     as (the last part of a split message). Empty when that is unknown (the message is too old,
   *     or the mapping was lost): the new text is then sent as a new message, as {@link
   *     EditMessage} asks of an adapter that cannot edit. Must be empty for any other effect.
   * @return one call or more; none for a message with no visible text and no buttons
   * @throws IllegalArgumentException for an effect the adapter does not send (timers, journal,
   *     {@code SendExport}, which the dispatcher turns into a {@link SendFile}), or an edit target
   *     given for something that is not an edit
   */
  public List<TelegramCall> render(long chatId, Effect effect, Optional<Integer> editTarget) {
    if (editTarget.isPresent() && !(effect instanceof EditMessage)) {
      throw new IllegalArgumentException(
          "edit target " + editTarget.get() + " given for " + effect.getClass().getSimpleName());
    }
    if (effect instanceof SendMessage message) {
      return messages(chatId, message.text(), message.choices(), message.ref(), false);
    } else if (effect instanceof EditMessage edit) {
      return editTarget
          .map(messageId -> List.<TelegramCall>of(edit(chatId, messageId, edit)))
          .orElseGet(
              () -> messages(chatId, edit.text(), edit.choices(), Optional.of(edit.ref()), false));
    } else if (effect instanceof ShowTyping) {
      return List.of(typing(chatId));
    } else if (effect instanceof SendFile file) {
      return document(chatId, file);
    }
    throw new IllegalArgumentException(
        "not something Telegram is sent: " + effect.getClass().getSimpleName());
  }

  /** As {@link #render(long, Effect, Optional)} with no edit target. */
  public List<TelegramCall> render(long chatId, Effect effect) {
    return render(chatId, effect, Optional.empty());
  }

  private List<TelegramCall> messages(
      long chatId,
      FormattedText text,
      List<Choice> choices,
      Optional<String> ref,
      boolean protect) {
    List<StyledText> parts = TextSplitter.split(StyledText.of(text), MESSAGE_MAX_LENGTH);
    if (parts.isEmpty()) {
      if (choices.isEmpty()) {
        return List.of();
      }
      parts = List.of(StyledText.plain(EMPTY_TEXT));
    }
    List<TelegramCall> calls = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      var builder =
          org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
              .chatId(chatId)
              .text(HtmlFormat.render(parts.get(i)))
              .parseMode(HtmlFormat.PARSE_MODE)
              .linkPreviewOptions(NO_PREVIEW);
      if (protect) {
        builder.protectContent(true);
      }
      if (last) {
        KeyboardLayout.keyboard(choices).ifPresent(builder::replyMarkup);
      }
      calls.add(new TelegramCall.Message(builder.build(), last ? ref : Optional.empty()));
    }
    return calls;
  }

  private TelegramCall edit(long chatId, int messageId, EditMessage edit) {
    StyledText text = TextSplitter.truncate(StyledText.of(edit.text()), MESSAGE_MAX_LENGTH);
    if (text.isBlank()) {
      text = StyledText.plain(EMPTY_TEXT);
    }
    // Without reply_markup Telegram removes the buttons, which is what an edit to none means.
    var builder =
        EditMessageText.builder()
            .chatId(chatId)
            .messageId(messageId)
            .text(HtmlFormat.render(text))
            .parseMode(HtmlFormat.PARSE_MODE)
            .linkPreviewOptions(NO_PREVIEW);
    KeyboardLayout.keyboard(edit.choices()).ifPresent(builder::replyMarkup);
    return new TelegramCall.Edit(builder.build());
  }

  private static TelegramCall typing(long chatId) {
    return new TelegramCall.Typing(
        SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build());
  }

  /** Media types sent as photos, which Telegram shows in the chat (up to 10 MB). */
  private static final java.util.Set<String> PICTURES = java.util.Set.of("image/png", "image/jpeg");

  private List<TelegramCall> document(long chatId, SendFile file) {
    StyledText caption = StyledText.of(file.caption());
    boolean fits = caption.length() <= CAPTION_MAX_LENGTH;
    Optional<String> captionHtml =
        fits && !caption.isBlank() ? Optional.of(HtmlFormat.render(caption)) : Optional.empty();
    List<TelegramCall> calls = new ArrayList<>();
    calls.add(
        new TelegramCall.Document(
            chatId,
            file.fileName(),
            file.content(),
            captionHtml,
            file.protect(),
            PICTURES.contains(file.mediaType())));
    if (!fits) {
      calls.addAll(messages(chatId, file.caption(), List.of(), Optional.empty(), file.protect()));
    }
    return calls;
  }
}
