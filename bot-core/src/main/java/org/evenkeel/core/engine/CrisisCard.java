package org.evenkeel.core.engine;

import static org.evenkeel.core.content.RequiredMessages.CARD_CALL;
import static org.evenkeel.core.content.RequiredMessages.CARD_CHAT;
import static org.evenkeel.core.content.RequiredMessages.CARD_EMERGENCY;
import static org.evenkeel.core.content.RequiredMessages.CARD_INTERNATIONAL;
import static org.evenkeel.core.content.RequiredMessages.CARD_NO_COUNTRY;
import static org.evenkeel.core.content.RequiredMessages.CARD_TEXT;
import static org.evenkeel.core.content.RequiredMessages.CARD_TITLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenkeel.core.content.CrisisResources;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.text.FormattedText;

/** Renders the crisis card for the member's country: emergency number, crisis lines, directory. */
final class CrisisCard {

  private CrisisCard() {}

  static void send(Turn turn) {
    CrisisResources resources = turn.content.crisis();
    Optional<CrisisResources.Country> country = turn.profile.country().flatMap(resources::country);
    FormattedText card = turn.text(CARD_TITLE);
    if (country.isPresent()) {
      card =
          card.joinLine(
              turn.text(CARD_EMERGENCY, Map.of("number", esc(country.get().emergency()))));
      for (CrisisResources.Service service : country.get().services()) {
        card = card.joinLine(FormattedText.of("")).joinLine(service(turn, service));
      }
    } else {
      card = card.joinLine(turn.text(CARD_NO_COUNTRY));
    }
    CrisisResources.Service international = resources.international();
    card =
        card.joinLine(FormattedText.of(""))
            .joinLine(
                turn.text(
                    CARD_INTERNATIONAL,
                    Map.of(
                        "name", esc(international.name()),
                        "url", esc(international.url().orElse(international.source())))));
    turn.add(SendMessage.text(card));
    turn.session = turn.session.withLastCrisisCardAt(turn.now);
  }

  private static FormattedText service(Turn turn, CrisisResources.Service service) {
    String heading =
        "*" + esc(service.name()) + "*" + service.hours().map(h -> " (" + esc(h) + ")").orElse("");
    List<String> ways = new ArrayList<>();
    service
        .phone()
        .ifPresent(p -> ways.add(turn.text(CARD_CALL, Map.of("phone", esc(p))).markup()));
    service.text().ifPresent(t -> ways.add(turn.text(CARD_TEXT, Map.of("text", esc(t))).markup()));
    service.chat().ifPresent(c -> ways.add(turn.text(CARD_CHAT, Map.of("chat", esc(c))).markup()));
    return FormattedText.of(heading + "\n" + String.join(" · ", ways));
  }

  private static String esc(String text) {
    return FormattedText.escape(text);
  }
}
