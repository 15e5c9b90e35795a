package org.evenkeel.discord;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * Time zones for the {@code zone} option's autocomplete: the IANA zones whose name contains what
 * the member typed (a city, "new york", or a region), each shown with its current local time so the
 * member recognises their own — the way onboarding confirms a zone.
 */
final class ZoneSuggestions {

  /**
   * Discord shows at most 25 suggestions
   * (discord.com/developers/docs/interactions/receiving-and-responding#autocomplete).
   */
  static final int MAX = 25;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
          .sorted()
          .toList();

  private ZoneSuggestions() {}

  static List<Command.Choice> matching(String typed, Instant now) {
    String wanted = normal(typed);
    return ZONES.stream()
        .filter(z -> normal(z).contains(wanted))
        .sorted(Comparator.comparing((String z) -> !city(z).startsWith(wanted)))
        .limit(MAX)
        .map(
            z ->
                new Command.Choice(
                    z.replace('_', ' ') + " (" + TIME.format(now.atZone(ZoneId.of(z))) + ")", z))
        .collect(Collectors.toList());
  }

  private static String city(String zone) {
    return normal(zone.substring(zone.lastIndexOf('/') + 1));
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
  }
}
