package org.evenkeel.discord;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.evenkeel.core.event.ButtonPressed;
import org.evenkeel.core.event.CommandInvoked;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.event.TextMessage;
import org.evenkeel.core.event.UnsupportedMessage;
import org.evenkeel.core.model.ConversationAddress;

/**
 * Maps JDA's events to the engine's: what a member wrote in a DM, a slash command with its options,
 * a button, a select menu, a submitted answer form. Platform types stop here.
 *
 * <ul>
 *   <li>A DM is the member's own conversation ({@link ConversationAddress#direct}); an interaction
 *       in a server is the member's conversation in that server, with the server's id as chat id
 *       (the server, not the channel, is where per-server data such as milestones belongs).
 *   <li>Event ids are Discord's message and interaction ids, which a resumed gateway repeats
 *       unchanged: a replayed event is claimed once.
 *   <li>Messages from bots, webhooks and the system, and anything said in a server channel (the bot
 *       reads no server messages), are not events.
 * </ul>
 */
final class DiscordMapper {

  /** The platform name in conversation addresses. */
  static final String PLATFORM = "discord";

  /** The text field of the answer form. */
  static final String ANSWER_FIELD = "text";

  /** A DM from a member: text, a typed command, or something the bot cannot read. */
  Optional<InboundEvent> message(MessageReceivedEvent event) {
    Message message = event.getMessage();
    User author = event.getAuthor();
    if (event.isFromGuild()
        || author.isBot()
        || author.isSystem()
        || message.isWebhookMessage()
        || !(message.getType() == MessageType.DEFAULT
            || message.getType() == MessageType.INLINE_REPLY)) {
      return Optional.empty();
    }
    String id = "discord:m:" + message.getId();
    ConversationAddress address = ConversationAddress.direct(PLATFORM, author.getId());
    String text = message.getContentRaw();
    if (text.isBlank()) {
      String kind =
          !message.getStickers().isEmpty()
              ? "sticker"
              : !message.getAttachments().isEmpty() ? attachmentKind(message) : "empty";
      return Optional.of(new UnsupportedMessage(id, address, kind));
    }
    return Optional.of(typed(id, address, text));
  }

  /** "/breathe" typed as text (not picked from the command list) is still the command. */
  static InboundEvent typed(String id, ConversationAddress address, String text) {
    String stripped = text.strip();
    if (stripped.length() > 1
        && stripped.charAt(0) == '/'
        && Character.isLetter(stripped.charAt(1))) {
      int space = indexOfWhitespace(stripped);
      String name = stripped.substring(1, space);
      String arguments = space < stripped.length() ? stripped.substring(space).strip() : "";
      if (name.matches("[A-Za-z0-9_]{1,32}")) {
        return new CommandInvoked(id, address, name, arguments);
      }
    }
    return new TextMessage(id, address, text);
  }

  /** A slash command; its subcommand and option values, in order, are the arguments. */
  CommandInvoked slashCommand(SlashCommandInteractionEvent event) {
    StringJoiner arguments = new StringJoiner(" ");
    if (event.getSubcommandGroup() != null) {
      arguments.add(event.getSubcommandGroup());
    }
    if (event.getSubcommandName() != null) {
      arguments.add(event.getSubcommandName());
    }
    for (OptionMapping option : event.getOptions()) {
      if (option.getName().equals(SlashCommands.SHARE_OPTION)) {
        continue; // how to answer, not what was asked (see DiscordListener)
      }
      if (SlashCommands.NAMED_OPTIONS.contains(option.getName())) {
        arguments.add(option.getName());
      }
      arguments.add(option.getAsString());
    }
    return new CommandInvoked(
        interactionId(event), address(event), event.getName(), arguments.toString());
  }

  /** Whether the member asked for the answer to be shown to the channel ({@code share:True}). */
  static boolean shared(SlashCommandInteractionEvent event) {
    OptionMapping share = event.getOption(SlashCommands.SHARE_OPTION);
    return share != null && share.getAsBoolean();
  }

  ButtonPressed button(ButtonInteractionEvent event) {
    return new ButtonPressed(interactionId(event), address(event), event.getComponentId());
  }

  /** A choice from a select menu: its value is the choice's payload. */
  Optional<InboundEvent> select(StringSelectInteractionEvent event) {
    if (event.getValues().size() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        new ButtonPressed(interactionId(event), address(event), event.getValues().get(0)));
  }

  /** The answer form: what the member wrote is free text, screened like any message. */
  Optional<InboundEvent> modal(ModalInteractionEvent event) {
    ModalMapping value = event.getValue(ANSWER_FIELD);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(new TextMessage(interactionId(event), address(event), value.getAsString()));
  }

  static ConversationAddress address(Interaction interaction) {
    String user = interaction.getUser().getId();
    if (interaction.isFromGuild()) {
      return new ConversationAddress(PLATFORM, interaction.getGuild().getId(), user);
    }
    return ConversationAddress.direct(PLATFORM, user);
  }

  private static String interactionId(Interaction interaction) {
    return "discord:i:" + interaction.getId();
  }

  private static String attachmentKind(Message message) {
    Message.Attachment first = message.getAttachments().get(0);
    if (first.isImage()) {
      return "photo";
    }
    if (first.isVideo()) {
      return "video";
    }
    String type = Optional.ofNullable(first.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    return type.startsWith("audio/") ? "voice" : "file";
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }
}
