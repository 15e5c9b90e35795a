package org.evenkeel.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.dispatch.Privacy;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends a turn's effects to a Telegram chat, in order: renders each ({@link TelegramRenderer}) and
 * executes the calls with the TelegramBots client.
 *
 * <ul>
 *   <li>A message sent with an engine {@code ref} (the breathing timer's line) is remembered by its
 *       Telegram message id, so a later {@link EditMessage} edits it in place. The memory is this
 *       process's and bounded ({@link #REMEMBERED_REFS}); an edit whose message is not known here
 *       (another instance sent it, or it was forgotten) is sent as a new message, as {@link
 *       EditMessage} allows.
 *   <li>{@code 429 Too Many Requests}: waits the {@code retry_after} Telegram names and tries
 *       again, at most {@link #ATTEMPTS} times in all.
 *   <li>An edit Telegram calls "message is not modified" is done already; one whose message is gone
 *       is sent as a new message.
 *   <li>Any other refusal (the member blocked the bot: 403) stops this delivery: the rest of the
 *       turn's effects would be refused too. It is logged by code, never with the text, and thrown
 *       to the dispatcher, which logs the failure; the member's {@code my_chat_member} update marks
 *       them inactive.
 * </ul>
 *
 * <p>A send that failed on the network is not repeated here: the request may have reached Telegram,
 * and a member must never read the same message twice (the dispatcher marked it as being sent).
 */
public final class TelegramOutbound implements Outbound {

  private static final Logger log = LoggerFactory.getLogger(TelegramOutbound.class);

  /** Tries of one call when Telegram asks to wait (429). */
  static final int ATTEMPTS = 3;

  /** Message ids remembered for edits, the least recently used dropped first. */
  static final int REMEMBERED_REFS = 50_000;

  private final TelegramClient client;
  private final TelegramRenderer renderer;
  private final TelegramPolling.Sleeper sleeper;
  private final Map<String, Integer> refs =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED_REFS;
        }
      };

  public TelegramOutbound(TelegramClient client, TelegramRenderer renderer) {
    this(client, renderer, d -> Thread.sleep(d.toMillis()));
  }

  TelegramOutbound(
      TelegramClient client, TelegramRenderer renderer, TelegramPolling.Sleeper sleeper) {
    this.client = client;
    this.renderer = renderer;
    this.sleeper = sleeper;
  }

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects) {
    long chatId = Long.parseLong(to.chatId());
    for (Effect effect : effects) {
      Optional<Integer> target =
          effect instanceof EditMessage edit ? remembered(to, edit.ref()) : Optional.empty();
      for (TelegramCall call : renderer.render(chatId, effect, target)) {
        execute(to, call, effect);
      }
    }
  }

  private void execute(ConversationAddress to, TelegramCall call, Effect effect) {
    try {
      Serializable result = withRetries(call);
      if (call instanceof TelegramCall.Message message
          && message.ref().isPresent()
          && result instanceof Message sent) {
        remember(to, message.ref().get(), sent.getMessageId());
      }
    } catch (TelegramApiRequestException e) {
      if (call instanceof TelegramCall.Edit && notModified(e)) {
        return; // the message already reads so
      }
      if (call instanceof TelegramCall.Edit && gone(e)) {
        EditMessage edit = (EditMessage) effect;
        forget(to, edit.ref());
        for (TelegramCall fresh :
            renderer.render(Long.parseLong(to.chatId()), edit, Optional.empty())) {
          execute(to, fresh, effect);
        }
        return;
      }
      log.warn(
          "telegram: {} refused with {} for member {}",
          call.method().getMethod(),
          e.getErrorCode(),
          Privacy.memberTag(to));
      throw new TelegramDeliveryException(call.method().getMethod(), e.getErrorCode());
    } catch (TelegramApiException e) {
      throw new TelegramDeliveryException(call.method().getMethod(), 0);
    }
  }

  /** Executes, waiting out 429s; returns Telegram's result (a Message, or true). */
  private Serializable withRetries(TelegramCall call) throws TelegramApiException {
    for (int attempt = 1; ; attempt++) {
      try {
        return executeOnce(call);
      } catch (TelegramApiRequestException e) {
        Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        if (e.getErrorCode() != 429 || retryAfter == null || attempt == ATTEMPTS) {
          throw e;
        }
        pause(Duration.ofSeconds(retryAfter));
      }
    }
  }

  private Serializable executeOnce(TelegramCall call) throws TelegramApiException {
    if (call instanceof TelegramCall.Document document) {
      SendDocument method = document.method(); // a fresh upload stream for every try
      return client.execute(method);
    }
    if (call instanceof TelegramCall.Message message) {
      SendMessage method = message.method();
      return client.execute(method);
    }
    if (call instanceof TelegramCall.Edit edit) {
      EditMessageText method = edit.method();
      return client.execute(method);
    }
    return client.execute(((TelegramCall.Typing) call).method());
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelegramDeliveryException("sleep", 0);
    }
  }

  private static boolean notModified(TelegramApiRequestException e) {
    return e.getErrorCode() == 400 && String.valueOf(e.getApiResponse()).contains("not modified");
  }

  private static boolean gone(TelegramApiRequestException e) {
    return e.getErrorCode() == 400
        && String.valueOf(e.getApiResponse()).contains("message to edit not found");
  }

  private synchronized Optional<Integer> remembered(ConversationAddress to, String ref) {
    return Optional.ofNullable(refs.get(to.key() + "#" + ref));
  }

  private synchronized void remember(ConversationAddress to, String ref, int messageId) {
    refs.put(to.key() + "#" + ref, messageId);
  }

  private synchronized void forget(ConversationAddress to, String ref) {
    refs.remove(to.key() + "#" + ref);
  }

  /** Telegram refused a call; carries the method and code only, never what was being sent. */
  public static final class TelegramDeliveryException extends RuntimeException {
    TelegramDeliveryException(String method, int code) {
      super("telegram refused " + method + " (" + (code == 0 ? "no answer" : code) + ")");
    }
  }
}
