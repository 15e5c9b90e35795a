package org.evenkeel.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.text.FormattedText;
import org.evenkeel.core.text.StyledText;
import org.evenkeel.core.text.TextSplitter;

/**
 * Turns the engine's messages into Discord messages: markdown text ({@link DiscordMarkdown}) cut
 * into parts Discord accepts, the choices as buttons (or a select menu when there are many), and,
 * in a server, a button that opens a form for a typed answer. No message ever mentions anyone.
 */
final class DiscordRenderer {

  /**
   * Discord's limit on a message's content, in characters, markup included
   * (discord.com/developers/docs/resources/message#create-message).
   */
  static final int MESSAGE_MAX_LENGTH = Message.MAX_CONTENT_LENGTH;

  /** Visible characters per part before markup; a part whose markup overflows is cut again. */
  static final int PART_VISIBLE_LENGTH = 1900;

  /**
   * Buttons per row and rows per message
   * (discord.com/developers/docs/components/reference#action-row).
   */
  static final int BUTTONS_PER_ROW = 5;

  static final int MAX_ROWS = 5;

  /** Up to this many choices are buttons; more become select menus of 25 options each. */
  static final int MAX_BUTTONS = 10;

  /** The custom id of the button that opens the answer form. */
  static final String ANSWER_BUTTON = "answer";

  /** Select menus are named by their position; the chosen option's value is the payload. */
  static final String SELECT_PREFIX = "choose.";

  /** The message's parts, the last one carrying the components. */
  List<MessageCreateData> message(SendMessage send, boolean inServer) {
    List<String> parts = parts(send.text());
    List<MessageTopLevelComponent> components =
        components(send.choices(), inServer ? send.answerPrompt() : Optional.empty());
    List<MessageCreateData> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      MessageCreateBuilder builder =
          new MessageCreateBuilder()
              .setContent(parts.get(i))
              .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
      if (i == parts.size() - 1) {
        builder.setComponents(components);
      }
      out.add(builder.build());
    }
    return out;
  }

  /** An edit replaces the whole text; one too long for a message is shortened with an ellipsis. */
  MessageEditData edit(EditMessage edit) {
    StyledText text = StyledText.of(edit.text());
    String content = DiscordMarkdown.render(TextSplitter.truncate(text, PART_VISIBLE_LENGTH));
    return new MessageEditBuilder()
        .setContent(content)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .setComponents(components(edit.choices(), Optional.empty()))
        .build();
  }

  /** A plain message, e.g. the caption of a file. */
  String text(FormattedText text) {
    List<String> parts = parts(text);
    return parts.isEmpty() ? "" : parts.get(0);
  }

  List<String> parts(FormattedText text) {
    List<String> out = new ArrayList<>();
    for (StyledText part : TextSplitter.split(StyledText.of(text), PART_VISIBLE_LENGTH)) {
      addRendered(out, part);
    }
    return out;
  }

  /** Renders {@code part}, halving it until each half's markup fits. */
  private static void addRendered(List<String> out, StyledText part) {
    String rendered = DiscordMarkdown.render(part);
    if (rendered.length() <= MESSAGE_MAX_LENGTH) {
      out.add(rendered);
      return;
    }
    for (StyledText half : TextSplitter.split(part, Math.max(1, part.length() / 2))) {
      addRendered(out, half);
    }
  }

  static List<MessageTopLevelComponent> components(
      List<Choice> choices, Optional<String> answerPrompt) {
    List<MessageTopLevelComponent> rows = new ArrayList<>();
    if (choices.size() <= MAX_BUTTONS) {
      rows.addAll(buttonRows(choices));
    } else {
      for (int from = 0, n = 0; from < choices.size(); from += SelectMenu.OPTIONS_MAX_AMOUNT, n++) {
        List<Choice> some =
            choices.subList(from, Math.min(choices.size(), from + SelectMenu.OPTIONS_MAX_AMOUNT));
        StringSelectMenu.Builder menu = StringSelectMenu.create(SELECT_PREFIX + n);
        some.forEach(c -> menu.addOption(c.label(), c.payload()));
        rows.add(ActionRow.of(menu.build()));
      }
    }
    answerPrompt.ifPresent(
        prompt -> rows.add(ActionRow.of(Button.primary(ANSWER_BUTTON, "✍️ " + prompt))));
    if (rows.size() > MAX_ROWS) {
      throw new IllegalArgumentException(
          "a message offers at most "
              + MAX_ROWS
              + " rows of choices on Discord but needed "
              + rows.size());
    }
    return rows;
  }

  /** Buttons in as few rows as fit, spread evenly: six choices are two rows of three. */
  private static List<ActionRow> buttonRows(List<Choice> choices) {
    List<ActionRow> rows = new ArrayList<>();
    if (choices.isEmpty()) {
      return rows;
    }
    int rowCount = (choices.size() + BUTTONS_PER_ROW - 1) / BUTTONS_PER_ROW;
    int perRow = (choices.size() + rowCount - 1) / rowCount;
    for (int from = 0; from < choices.size(); from += perRow) {
      List<Button> buttons = new ArrayList<>();
      for (Choice c : choices.subList(from, Math.min(choices.size(), from + perRow))) {
        buttons.add(Button.secondary(c.payload(), c.label()));
      }
      rows.add(ActionRow.of(buttons));
    }
    return rows;
  }

  /** The label of the answer button without its pen: the form's title. */
  static String answerPrompt(String buttonLabel) {
    return buttonLabel.startsWith("✍️ ") ? buttonLabel.substring("✍️ ".length()) : buttonLabel;
  }
}
