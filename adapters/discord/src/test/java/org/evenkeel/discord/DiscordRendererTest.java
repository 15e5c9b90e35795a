package org.evenkeel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.text.FormattedText;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

  private final DiscordRenderer renderer = new DiscordRenderer();

  private static List<Choice> choices(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new Choice("Option " + i, "s1." + i)).toList();
  }

  private static List<ActionRow> rows(MessageCreateData data) {
    List<ActionRow> rows = new ArrayList<>();
    for (MessageTopLevelComponent c : data.getComponents()) {
      rows.add((ActionRow) c);
    }
    return rows;
  }

  @Test
  void aScaleOfFive_isOneRowOfButtons_withThePayloadsAsIds() {
    MessageCreateData data =
        renderer
            .message(SendMessage.withChoices(FormattedText.of("How?"), choices(5)), false)
            .get(0);

    assertThat(rows(data))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.getButtons())
                    .extracting(Button::getCustomId)
                    .containsExactly("s1.1", "s1.2", "s1.3", "s1.4", "s1.5"));
    assertThat(data.getContent()).isEqualTo("How?");
  }

  @Test
  void sixChoices_areTwoEvenRows() {
    MessageCreateData data =
        renderer
            .message(SendMessage.withChoices(FormattedText.of("Pick"), choices(6)), false)
            .get(0);

    assertThat(rows(data)).extracting(r -> r.getButtons().size()).containsExactly(3, 3);
  }

  @Test
  void manyChoices_becomeASelectMenu_whoseValuesAreThePayloads() {
    MessageCreateData data =
        renderer
            .message(SendMessage.withChoices(FormattedText.of("Country?"), choices(30)), false)
            .get(0);

    List<ActionRow> rows = rows(data);
    assertThat(rows).hasSize(2);
    StringSelectMenu first = (StringSelectMenu) rows.get(0).getComponents().get(0);
    assertThat(first.getOptions()).hasSize(25);
    assertThat(first.getOptions().get(0).getValue()).isEqualTo("s1.1");
    assertThat(first.getCustomId()).isEqualTo("choose.0");
    assertThat(((StringSelectMenu) rows.get(1).getComponents().get(0)).getOptions()).hasSize(5);
  }

  @Test
  void aQuestionForText_inAServer_offersTheAnswerButton_butNotInADm() {
    SendMessage ask = SendMessage.text(FormattedText.of("What went well?")).askingForText("Write");

    MessageCreateData inServer = renderer.message(ask, true).get(0);
    MessageCreateData inDm = renderer.message(ask, false).get(0);

    assertThat(rows(inServer))
        .singleElement()
        .satisfies(
            row -> {
              Button button = row.getButtons().get(0);
              assertThat(button.getCustomId()).isEqualTo(DiscordRenderer.ANSWER_BUTTON);
              assertThat(DiscordRenderer.answerPrompt(button.getLabel())).isEqualTo("Write");
            });
    assertThat(inDm.getComponents()).isEmpty();
  }

  @Test
  void aLongMessage_isSplitIntoPartsDiscordAccepts_withTheButtonsOnTheLast() {
    String paragraph = "This is a calm sentence about breathing slowly. ".repeat(40);
    FormattedText text = FormattedText.of(paragraph + "\n\n" + paragraph + "\n\n" + paragraph);

    List<MessageCreateData> parts =
        renderer.message(SendMessage.withChoices(text, choices(2)), false);

    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts)
        .allSatisfy(p -> assertThat(p.getContent().length()).isLessThanOrEqualTo(2000));
    assertThat(parts.subList(0, parts.size() - 1))
        .allSatisfy(p -> assertThat(p.getComponents()).isEmpty());
    assertThat(parts.get(parts.size() - 1).getComponents()).hasSize(1);
    assertThat(String.join(" ", parts.stream().map(MessageCreateData::getContent).toList()))
        .contains("calm sentence");
  }

  @Test
  void markupHeavyText_isCutAgain_untilEachPartFits() {
    // every visible character needs an escape: 1,900 visible become 3,800 written
    FormattedText text = FormattedText.plain("*".repeat(5000));

    List<MessageCreateData> parts = renderer.message(SendMessage.text(text), false);

    assertThat(parts)
        .allSatisfy(p -> assertThat(p.getContent().length()).isLessThanOrEqualTo(2000));
    int visible = parts.stream().mapToInt(p -> p.getContent().replace("\\", "").length()).sum();
    assertThat(visible).isEqualTo(5000);
  }

  @Test
  void noMessage_mentionsAnyone() {
    MessageCreateData data =
        renderer.message(SendMessage.text(FormattedText.plain("hello @everyone")), false).get(0);

    assertThat(data.getAllowedMentions()).isEmpty();
  }

  @Test
  void anEdit_replacesTextAndButtons_andShortensWhatIsTooLong() {
    var data =
        renderer.edit(new EditMessage("pace-1", FormattedText.plain("x".repeat(3000)), choices(2)));

    assertThat(data.getContent()).hasSizeLessThanOrEqualTo(2000).endsWith("…");
    assertThat(data.getComponents()).hasSize(1);
  }

  @Test
  void moreRowsThanDiscordAllows_isRefusedByName() {
    assertThatThrownBy(() -> DiscordRenderer.components(choices(126), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 5 rows");
  }
}
