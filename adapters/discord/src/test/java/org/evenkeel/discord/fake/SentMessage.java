package org.evenkeel.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A message the bot made, as its member sees it now (edits applied): in a DM channel, or through an
 * interaction (where it may be ephemeral, seen by the member only).
 *
 * @param id the message id
 * @param userId the member who sees it
 * @param guildId the server it was shown in, empty in a DM
 * @param ephemeral seen by the member only
 * @param content its text, markdown as sent
 * @param components its component rows as sent
 * @param fileNames files attached
 */
public record SentMessage(
    String id,
    String userId,
    Optional<String> guildId,
    boolean ephemeral,
    String content,
    DataArray components,
    List<String> fileNames) {

  /** The custom ids of its buttons and the values of its select menus' options, in order. */
  public List<String> customIds() {
    List<String> ids = new ArrayList<>();
    for (int r = 0; r < components.length(); r++) {
      DataArray row = components.getObject(r).optArray("components").orElse(DataArray.empty());
      for (int c = 0; c < row.length(); c++) {
        DataObject component = row.getObject(c);
        if (component.getInt("type") == 2) {
          ids.add(component.getString("custom_id"));
        } else if (component.getInt("type") == 3) {
          DataArray options = component.getArray("options");
          for (int o = 0; o < options.length(); o++) {
            ids.add(options.getObject(o).getString("value"));
          }
        }
      }
    }
    return ids;
  }

  /** The labels of its buttons, in order. */
  public List<String> buttonLabels() {
    List<String> labels = new ArrayList<>();
    for (int r = 0; r < components.length(); r++) {
      DataArray row = components.getObject(r).optArray("components").orElse(DataArray.empty());
      for (int c = 0; c < row.length(); c++) {
        DataObject component = row.getObject(c);
        if (component.getInt("type") == 2) {
          labels.add(component.getString("label", ""));
        }
      }
    }
    return labels;
  }

  /** The custom id of the button labelled {@code label}. */
  public String buttonId(String label) {
    for (int r = 0; r < components.length(); r++) {
      DataArray row = components.getObject(r).optArray("components").orElse(DataArray.empty());
      for (int c = 0; c < row.length(); c++) {
        DataObject component = row.getObject(c);
        if (component.getInt("type") == 2 && label.equals(component.getString("label", ""))) {
          return component.getString("custom_id");
        }
      }
    }
    throw new AssertionError(
        "no button '" + label + "' on message: " + content + " " + buttonLabels());
  }

  SentMessage edited(String newContent, DataArray newComponents) {
    return new SentMessage(id, userId, guildId, ephemeral, newContent, newComponents, fileNames);
  }
}
