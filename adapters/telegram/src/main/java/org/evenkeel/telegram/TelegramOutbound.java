package org.evenkeel.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenkeel.core.dispatch.Privacy;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.ChatMigrations;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends a turn's effects to a Telegram chat, in order: renders each ({@link TelegramRenderer}),
 * waits for the shared rate limits ({@link SendPacing}) and executes the calls with the
 * TelegramBots client.
 *
 * <ul>
 *   <li>A message sent with an engine {@code ref} (the breathing timer's line) is remembered in the
 *       shared {@link MessageRefs}, so a later {@link EditMessage} edits it in place, whichever
 *       instance sends the edit. An edit whose message is not known (expired, or the store was out
 *       of reach) is sent as a new message, as {@link EditMessage} allows.
 *   <li>{@code 429 Too Many Requests}: waits the {@code retry_after} Telegram names and tries the
 *       same call again, so the chat's messages stay in order.
 *   <li>{@code 5xx}, a proxy's error page instead of the Bot API's JSON, and a request that never
 *       left (connection refused, unknown host): tried again with growing pauses ({@link
 *       #FIRST_BACKOFF} doubling up to {@link #MAX_BACKOFF}).
 *   <li>A request that may have reached Telegram (the answer timed out, the connection broke after
 *       sending) is not repeated: a member must never read the same message twice.
 *   <li>An edit Telegram calls "message is not modified" is done already; one whose message is gone
 *       is sent as a new message.
 *   <li>A group that became a supergroup is sent to at its new id ({@link ChatMigrations}); a send
 *       to its old id that Telegram answers with {@code migrate_to_chat_id} records the move and
 *       goes to the new id.
 *   <li>A 403 in a private chat (the member blocked the bot) stops this delivery, never retried,
 *       with a {@link MemberUnreachableException}: the dispatcher marks the member inactive.
 *   <li>Any other refusal stops this delivery too (the rest of the turn's effects would be refused
 *       as well): logged by code, never with the text, and thrown to the dispatcher.
 * </ul>
 *
 * <p>A call that still fails after {@link #GIVE_UP_AFTER} of waiting and retrying is given up with
 * a {@link TelegramDeliveryException}.
 */
public final class TelegramOutbound implements Outbound {

  private static final Logger log = LoggerFactory.getLogger(TelegramOutbound.class);

  /** The first pause after a 5xx or a failed connection; each further one is twice as long. */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** The longest pause between two tries after a 5xx or a failed connection. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(16);

  /** How long one call may spend waiting for Telegram (429s, 5xx, outages) before it is lost. */
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

  private final TelegramClient client;
  private final TelegramRenderer renderer;
  private final SendPacing pacing;
  private final MessageRefs refs;
  private final ChatMigrations migrations;
  private final Sleeper sleeper;

  /**
   * A sender through {@code client}, keeping under {@code limits} in the shared {@code buckets} and
   * remembering sent messages in {@code refs}.
   */
  public TelegramOutbound(
      TelegramClient client,
      TelegramRenderer renderer,
      RateLimits buckets,
      SendLimits limits,
      MessageRefs refs,
      ChatMigrations migrations) {
    this(client, renderer, buckets, limits, refs, migrations, Sleeper.REAL);
  }

  TelegramOutbound(
      TelegramClient client,
      TelegramRenderer renderer,
      RateLimits buckets,
      SendLimits limits,
      MessageRefs refs,
      ChatMigrations migrations,
      Sleeper sleeper) {
    this.client = client;
    this.renderer = renderer;
    this.pacing = new SendPacing(buckets, limits, sleeper);
    this.refs = refs;
    this.migrations = migrations;
    this.sleeper = sleeper;
  }

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    long chatId = sendId(to);
    for (Effect effect : effects) {
      Optional<Integer> target =
          effect instanceof EditMessage edit ? recall(to, edit.ref()) : Optional.empty();
      List<TelegramCall> calls = renderer.render(chatId, effect, target);
      int moves = 0;
      for (int i = 0; i < calls.size(); i++) {
        try {
          execute(to, chatId, lane, calls.get(i), effect);
        } catch (ChatMoved moved) {
          // The group became a supergroup: the rest goes to its new id, from this call on.
          if (++moves > 2) {
            throw new TelegramDeliveryException("migrate", 400);
          }
          chatId = moved.to;
          calls = renderer.render(chatId, effect, target);
          i--;
        }
      }
    }
  }

  /**
   * The chat to send to: a group that became a supergroup keeps its first id in the state and is
   * sent to at its new one. Only groups ({@code -…} but not {@code -100…}) can have moved.
   */
  private long sendId(ConversationAddress to) {
    String chat = to.chatId();
    if (chat.startsWith("-") && !chat.startsWith(UpdateMapper.SUPERGROUP_PREFIX)) {
      try {
        chat = migrations.sendId(UpdateMapper.PLATFORM, chat);
      } catch (StoreUnavailableException e) {
        // Sent to the old id: Telegram answers with the new one, which is then used.
      }
    }
    return Long.parseLong(chat);
  }

  private void execute(
      ConversationAddress to, long chatId, Lane lane, TelegramCall call, Effect effect) {
    try {
      if (!(call instanceof TelegramCall.Typing)) {
        pacing.awaitTurn(chatId, lane);
      }
      Serializable result = withRetries(call);
      if (call instanceof TelegramCall.Message message
          && message.ref().isPresent()
          && result instanceof Message sent) {
        remember(to, message.ref().get(), sent.getMessageId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelegramDeliveryException(call.method().getMethod(), 0);
    } catch (TelegramApiRequestException e) {
      Long movedTo = e.getParameters() == null ? null : e.getParameters().getMigrateToChatId();
      if (movedTo != null && movedTo != chatId) {
        recordMove(chatId, movedTo);
        throw new ChatMoved(movedTo);
      }
      if (call instanceof TelegramCall.Edit && notModified(e)) {
        return; // the message already reads so
      }
      if (call instanceof TelegramCall.Edit && gone(e)) {
        EditMessage edit = (EditMessage) effect;
        forget(to, edit.ref());
        for (TelegramCall fresh : renderer.render(chatId, edit, Optional.empty())) {
          execute(to, chatId, lane, fresh, effect);
        }
        return;
      }
      if (code(e) == 403 && chatId > 0) {
        // The member blocked the bot (or deleted their account): a change of state, not an error.
        throw new MemberUnreachableException(
            "telegram " + call.method().getMethod() + " refused with 403");
      }
      log.warn(
          "telegram: {} refused with {} for member {}",
          call.method().getMethod(),
          code(e),
          Privacy.memberTag(to));
      throw new TelegramDeliveryException(call.method().getMethod(), code(e));
    } catch (TelegramApiException e) {
      log.warn(
          "telegram: {} failed for member {} ({}); given up",
          call.method().getMethod(),
          Privacy.memberTag(to),
          rootCause(e).getClass().getSimpleName());
      throw new TelegramDeliveryException(call.method().getMethod(), 0);
    }
  }

  /**
   * Executes, waiting out 429s and retrying 5xx and requests that never left, for at most {@link
   * #GIVE_UP_AFTER}; returns Telegram's result (a Message, or true).
   */
  private Serializable withRetries(TelegramCall call)
      throws TelegramApiException, InterruptedException {
    Duration waited = Duration.ZERO;
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      Duration pause;
      TelegramApiException failure;
      try {
        return executeOnce(call);
      } catch (TelegramApiRequestException e) {
        failure = e;
        Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        int code = code(e);
        if (code == 429 && retryAfter != null) {
          pause = Duration.ofSeconds(Math.max(1, retryAfter));
        } else if (code >= 500 || fromAProxy(e)) {
          pause = backoff;
          backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        } else {
          throw e;
        }
      } catch (TelegramApiException e) {
        if (!neverLeft(e)) {
          throw e;
        }
        failure = e;
        pause = backoff;
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
      waited = waited.plus(pause);
      if (waited.compareTo(GIVE_UP_AFTER) > 0) {
        throw failure;
      }
      log.debug("telegram: {} to be tried again in {}", call.method().getMethod(), pause);
      sleeper.sleep(pause);
    }
  }

  private Serializable executeOnce(TelegramCall call) throws TelegramApiException {
    if (call instanceof TelegramCall.Document document) {
      return document.sendWith(client); // a fresh upload stream for every try
    }
    if (call instanceof TelegramCall.Message message) {
      return client.execute(message.method());
    }
    if (call instanceof TelegramCall.Edit edit) {
      return client.execute(edit.method());
    }
    return client.execute(((TelegramCall.Typing) call).method());
  }

  /**
   * Whether the answer was not the Bot API's (always JSON) but a page from a proxy in front of it,
   * such as a 502 Bad Gateway: the request did not get through, as with a 5xx. TelegramBots does
   * not pass the HTTP status on, only that the body was not JSON.
   */
  private static boolean fromAProxy(TelegramApiRequestException e) {
    return e.getApiResponse() == null
        && e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException;
  }

  /** Whether the request failed before any of it reached Telegram, so trying again is safe. */
  private static boolean neverLeft(TelegramApiException e) {
    Throwable cause = rootCause(e);
    return cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof UnknownHostException
        || (cause instanceof IOException
            && cause.getMessage() != null
            && cause.getMessage().startsWith("Failed to connect"));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Telegram's error code, 0 when the answer carried none. */
  private static int code(TelegramApiRequestException e) {
    return e.getErrorCode() == null ? 0 : e.getErrorCode();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean notModified(TelegramApiRequestException e) {
    return code(e) == 400 && String.valueOf(e.getApiResponse()).contains("not modified");
  }

  private static boolean gone(TelegramApiRequestException e) {
    return code(e) == 400
        && String.valueOf(e.getApiResponse()).contains("message to edit not found");
  }

  private Optional<Integer> recall(ConversationAddress to, String ref) {
    try {
      return refs.recall(to, ref).map(Integer::valueOf);
    } catch (StoreUnavailableException | NumberFormatException e) {
      return Optional.empty(); // sent as a new message instead
    }
  }

  private void remember(ConversationAddress to, String ref, int messageId) {
    try {
      refs.remember(to, ref, Integer.toString(messageId));
    } catch (StoreUnavailableException e) {
      log.warn(
          "telegram: could not keep the id of a message for member {}; its next edit comes as a"
              + " new message",
          Privacy.memberTag(to));
    }
  }

  private void forget(ConversationAddress to, String ref) {
    try {
      refs.forget(to, ref);
    } catch (StoreUnavailableException e) {
      // It is remembered again when the new message is sent.
    }
  }

  private void recordMove(long from, long to) {
    try {
      migrations.moved(UpdateMapper.PLATFORM, Long.toString(from), Long.toString(to));
    } catch (StoreUnavailableException e) {
      // Recorded from the group's service message, or by the next send that learns it.
    }
  }

  /** Telegram answered that the chat is now the supergroup {@link #to}. */
  private static final class ChatMoved extends RuntimeException {
    private final long to;

    ChatMoved(long to) {
      super(null, null, false, false);
      this.to = to;
    }
  }

  /** Telegram refused a call; carries the method and code only, never what was being sent. */
  public static final class TelegramDeliveryException extends RuntimeException {
    TelegramDeliveryException(String method, int code) {
      super("telegram refused " + method + " (" + (code == 0 ? "no answer" : code) + ")");
    }
  }
}
