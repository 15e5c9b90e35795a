package org.evenkeel.telegram;

import static org.evenkeel.core.text.Checks.requireValue;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One Bot API call made by {@link TelegramRenderer}, to be executed in order with a {@code
 * TelegramClient}. The kinds are closed so a sender can treat them differently (a typing indicator
 * need not wait for a message slot; a document needs its own {@code execute} overload).
 */
public sealed interface TelegramCall {

  /** The TelegramBots method object, ready for {@code TelegramClient.execute}. */
  PartialBotApiMethod<?> method();

  /**
   * A new text message.
   *
   * @param ref the engine's name for this message, on the one part that carries it (the last, which
   *     holds the buttons): the sender keeps the {@code message_id} Telegram answers under it, for
   *     later {@link org.evenkeel.core.effect.EditMessage}s
   */
  record Message(SendMessage method, Optional<String> ref) implements TelegramCall {
    public Message {
      requireValue(method, "method");
      requireValue(ref, "ref");
    }
  }

  /** A change to the text and buttons of a message sent earlier. */
  record Edit(EditMessageText method) implements TelegramCall {
    public Edit {
      requireValue(method, "method");
    }
  }

  /** A typing indicator; Telegram shows it for up to five seconds or until the next message. */
  record Typing(SendChatAction method) implements TelegramCall {
    public Typing {
      requireValue(method, "method");
    }
  }

  /**
   * A file upload: a {@link SendDocument}, or for a picture a {@link SendPhoto}, which Telegram
   * shows in the chat rather than as a file. Unlike the other calls it builds a new method on every
   * {@link #method()}: an upload's stream can be read once, so a retry must ask for the method
   * again.
   *
   * @param captionHtml the caption in Bot API HTML, if it fits Telegram's caption limit
   * @param protect sets {@code protect_content}: no forwarding or saving
   * @param photo send as a photo (PNG or JPEG pictures)
   */
  record Document(
      long chatId,
      String fileName,
      byte[] content,
      Optional<String> captionHtml,
      boolean protect,
      boolean photo)
      implements TelegramCall {

    public Document {
      requireValue(fileName, "fileName");
      content = requireValue(content, "content").clone();
      requireValue(captionHtml, "captionHtml");
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public PartialBotApiMethod<org.telegram.telegrambots.meta.api.objects.message.Message>
        method() {
      return photo ? photoMethod() : documentMethod();
    }

    /** Sends it with {@code client}, as a photo or a document. */
    public org.telegram.telegrambots.meta.api.objects.message.Message sendWith(
        TelegramClient client) throws TelegramApiException {
      return photo ? client.execute(photoMethod()) : client.execute(documentMethod());
    }

    private SendPhoto photoMethod() {
      SendPhoto.SendPhotoBuilder<?, ?> builder =
          SendPhoto.builder()
              .chatId(chatId)
              .photo(new InputFile(new ByteArrayInputStream(content), fileName))
              .protectContent(protect);
      captionHtml.ifPresent(c -> builder.caption(c).parseMode(HtmlFormat.PARSE_MODE));
      return builder.build();
    }

    private SendDocument documentMethod() {
      SendDocument.SendDocumentBuilder<?, ?> builder =
          SendDocument.builder()
              .chatId(chatId)
              .document(new InputFile(new ByteArrayInputStream(content), fileName))
              .protectContent(protect);
      captionHtml.ifPresent(c -> builder.caption(c).parseMode(HtmlFormat.PARSE_MODE));
      return builder.build();
    }
  }
}
