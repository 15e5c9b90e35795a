package org.evenkeel.telegram;

import java.util.function.Consumer;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.port.ChatMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The adapter's {@link UpdateSink}: maps each update ({@link UpdateMapper}) and submits the event
 * to the turn dispatcher, which stores it in its conversation's mailbox before returning (or throws
 * {@link org.evenkeel.core.port.StoreUnavailableException}, which the caller turns into a
 * redelivery).
 *
 * <p>Every button press is answered with {@code answerCallbackQuery} once it is stored, also a
 * stale or forged one (the engine answers those politely in the chat), so the member's button never
 * keeps spinning. The answer is sent asynchronously: a slow Telegram does not hold up receiving.
 */
public final class TelegramInbound implements UpdateSink {

  private static final Logger log = LoggerFactory.getLogger(TelegramInbound.class);

  private final UpdateMapper mapper;
  private final Consumer<InboundEvent> submit;
  private final TelegramClient client;
  private final ChatMigrations migrations;

  /**
   * @param submit stores the event durably before returning (the dispatcher's {@code submit})
   * @param migrations where a group that became a supergroup is recorded, so that its state carries
   *     on (the same as {@code mapper}'s)
   */
  public TelegramInbound(
      UpdateMapper mapper,
      Consumer<InboundEvent> submit,
      TelegramClient client,
      ChatMigrations migrations) {
    this.mapper = mapper;
    this.submit = submit;
    this.client = client;
    this.migrations = migrations;
  }

  /**
   * Records a group's move to a supergroup (from either service message: the old group's {@code
   * migrate_to_chat_id} or the new supergroup's {@code migrate_from_chat_id}), then submits what
   * the update means. Both are durable before this returns, or it throws and the update comes
   * again.
   */
  @Override
  public void accept(Update update) {
    if (update.hasMessage()) {
      Message message = update.getMessage();
      if (message.getMigrateToChatId() != null && message.getChatId() != null) {
        migrations.moved(
            UpdateMapper.PLATFORM,
            message.getChatId().toString(),
            message.getMigrateToChatId().toString());
      } else if (message.getMigrateFromChatId() != null && message.getChatId() != null) {
        migrations.moved(
            UpdateMapper.PLATFORM,
            message.getMigrateFromChatId().toString(),
            message.getChatId().toString());
      }
    }
    mapper.map(update).ifPresent(submit);
    if (update.hasCallbackQuery()) {
      answer(update.getCallbackQuery().getId());
    }
  }

  private void answer(String callbackQueryId) {
    try {
      client
          .executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build())
          .whenComplete((ok, error) -> logFailure(error));
    } catch (TelegramApiException e) {
      logFailure(e);
    }
  }

  private static void logFailure(Throwable error) {
    if (error != null) {
      // Only the type: the query is too old or the network failed; the button stops spinning on
      // its own after a while.
      log.warn("telegram: answerCallbackQuery failed ({})", error.getClass().getName());
    }
  }
}
