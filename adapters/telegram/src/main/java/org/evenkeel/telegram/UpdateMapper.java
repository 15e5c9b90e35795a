package org.evenkeel.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.ReachabilityChanged;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.memory.InMemoryChatMigrations;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.ChatMigrations;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a Telegram update into the engine's inbound event, or into nothing when it carries nothing
 * for the bot: edited messages (the member's first words were already answered), channel posts,
 * service messages, messages from other bots, commands addressed to another bot, and group chatter
 * that is neither a command nor addressed to the bot.
 *
 * <p>Event ids are {@code telegram:<update_id>}: Telegram keeps an update's id when it delivers it
 * again, so a redelivery is recognised. Commands are read from the text, not with {@link
 * Message#isCommand()}, which TelegramBots 10.2 answers wrongly until the entities were fetched.
 */
public final class UpdateMapper {

  /** The platform name in every address this adapter makes. */
  public static final String PLATFORM = "telegram";

  /** How the ids of supergroups (and channels) begin; only a supergroup can be a group's new id. */
  static final String SUPERGROUP_PREFIX = "-100";

  // "/name", "/name@bot" then arguments; Telegram's command names are 1-32 of [A-Za-z0-9_].
  private static final Pattern COMMAND =
      Pattern.compile(
          "^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

  private final String botUsername;
  private final ChatMigrations migrations;

  /**
   * @param botUsername the bot's username without {@code @} (from {@code getMe})
   * @param migrations where a supergroup that was a group finds its state id
   */
  public UpdateMapper(String botUsername, ChatMigrations migrations) {
    if (botUsername == null || botUsername.isBlank()) {
      throw new IllegalArgumentException("the bot's username is needed to read group commands");
    }
    this.botUsername = botUsername;
    this.migrations = migrations;
  }

  /** A mapper for one process, remembering migrations in memory. */
  public UpdateMapper(String botUsername) {
    this(botUsername, new InMemoryChatMigrations());
  }

  /**
   * The chat id state is kept under: a supergroup's ({@code -100…}) may have been a group's before,
   * whose id the state keeps (see {@link ChatMigrations}); other chats never moved.
   */
  private String chatId(Long id) {
    String chat = id.toString();
    return chat.startsWith(SUPERGROUP_PREFIX) ? migrations.stateId(PLATFORM, chat) : chat;
  }

  /** The event {@code update} means, if it means one. */
  public Optional<InboundEvent> map(Update update) {
    String id = PLATFORM + ":" + update.getUpdateId();
    if (update.hasMessage()) {
      return message(id, update.getMessage());
    }
    if (update.hasCallbackQuery()) {
      return button(id, update.getCallbackQuery());
    }
    if (update.hasMyChatMember()) {
      return reachability(id, update.getMyChatMember());
    }
    return Optional.empty();
  }

  /**
   * The member blocked the bot (its status in their private chat became {@code kicked}) or
   * unblocked it ({@code member}). The bot's status in groups is the group's business, not the
   * member's, and is not read here.
   */
  private static Optional<InboundEvent> reachability(String id, ChatMemberUpdated change) {
    if (change.getChat() == null
        || change.getChat().getId() == null
        || !"private".equals(change.getChat().getType())
        || change.getFrom() == null
        || change.getFrom().getId() == null
        || change.getNewChatMember() == null) {
      return Optional.empty();
    }
    String status = change.getNewChatMember().getStatus();
    if (!"kicked".equals(status) && !"member".equals(status)) {
      return Optional.empty();
    }
    ConversationAddress address =
        new ConversationAddress(
            PLATFORM, change.getChat().getId().toString(), change.getFrom().getId().toString());
    return Optional.of(new ReachabilityChanged(id, address, "member".equals(status)));
  }

  private Optional<InboundEvent> message(String id, Message message) {
    User from = message.getFrom();
    if (from == null
        || from.getId() == null
        || Boolean.TRUE.equals(from.getIsBot())
        || message.getChat() == null
        || message.getChat().getId() == null) {
      // anonymous group admins, other bots, channel-like senders; or fields missing altogether
      return Optional.empty();
    }
    ConversationAddress address =
        new ConversationAddress(PLATFORM, chatId(message.getChatId()), from.getId().toString());
    boolean direct = message.isUserMessage();
    if (message.hasText()) {
      String text = message.getText();
      Matcher command = COMMAND.matcher(text.strip());
      if (text.startsWith("/") && command.matches()) {
        String target = command.group(2);
        if (target != null && !target.equalsIgnoreCase(botUsername)) {
          return Optional.empty(); // "/help@otherbot" in a group
        }
        String arguments = command.group(3) == null ? "" : command.group(3).strip();
        return Optional.of(new CommandInvoked(id, address, command.group(1), arguments));
      }
      if (direct || addressesTheBot(message, text)) {
        return Optional.of(new TextMessage(id, address, text));
      }
      return Optional.empty();
    }
    if (!direct) {
      return Optional.empty(); // a group's photos and stickers are not for the bot
    }
    return kindOf(message).map(kind -> new UnsupportedMessage(id, address, kind));
  }

  /** A group message the bot should read: a reply to one of its messages, or one naming it. */
  private boolean addressesTheBot(Message message, String text) {
    Message repliedTo = message.getReplyToMessage();
    if (repliedTo != null
        && repliedTo.getFrom() != null
        && botUsername.equalsIgnoreCase(repliedTo.getFrom().getUserName())) {
      return true;
    }
    return text.toLowerCase(Locale.ROOT).contains("@" + botUsername.toLowerCase(Locale.ROOT));
  }

  private Optional<InboundEvent> button(String id, CallbackQuery query) {
    if (query.getData() == null
        || query.getMessage() == null
        || query.getMessage().getChat() == null
        || query.getMessage().getChat().getId() == null
        || query.getFrom() == null
        || query.getFrom().getId() == null) {
      // a game's button, one under an inline-mode message, or fields missing altogether
      return Optional.empty();
    }
    ConversationAddress address =
        new ConversationAddress(
            PLATFORM, chatId(query.getMessage().getChatId()), query.getFrom().getId().toString());
    return Optional.of(new ButtonPressed(id, address, query.getData()));
  }

  /**
   * What the member sent instead of text, for the kind "I can only read text" reply; empty for
   * service messages (someone joined, a title changed, a group became a supergroup).
   */
  private static Optional<String> kindOf(Message m) {
    if (m.hasSticker()) {
      return Optional.of("sticker");
    } else if (m.hasPhoto()) {
      return Optional.of("photo");
    } else if (m.hasVoice()) {
      return Optional.of("voice");
    } else if (m.hasVideoNote()) {
      return Optional.of("video_note");
    } else if (m.hasVideo()) {
      return Optional.of("video");
    } else if (m.hasAnimation()) {
      return Optional.of("animation");
    } else if (m.hasAudio()) {
      return Optional.of("audio");
    } else if (m.hasDocument()) {
      return Optional.of("document");
    } else if (m.hasLocation()) {
      return Optional.of("location");
    } else if (m.hasContact()) {
      return Optional.of("contact");
    } else if (m.hasPoll()) {
      return Optional.of("poll");
    } else if (m.hasDice()) {
      return Optional.of("dice");
    } else if (m.hasStory()) {
      return Optional.of("story");
    }
    return Optional.empty();
  }
}
