package org.evenkeel.core.content.load;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.content.CrisisResources;

/** Reads {@code crisis/resources.yaml}: services per ISO country code, each with its source. */
final class CrisisParser {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> SERVICE_FIELDS =
      Set.of(
          "name",
          "phone",
          "text",
          "chat",
          "url",
          "hours",
          "languages",
          "notes",
          "source",
          "checked");

  private CrisisParser() {}

  static Optional<CrisisResources> parse(YamlMap root) {
    root.allowOnly("crisis resources", Set.of("international", "countries"));
    Optional<CrisisResources.Service> international =
        root.map("international").flatMap(CrisisParser::service);
    if (!root.has("international")) {
      root.report("crisis resources need 'international' (the directory every card ends with)");
    }
    Map<String, CrisisResources.Country> countries = new LinkedHashMap<>();
    Optional<YamlMap> countryMap = root.map("countries");
    if (countryMap.isEmpty()) {
      root.report("crisis resources need 'countries'");
    }
    countryMap.ifPresent(
        map -> {
          for (String code : map.keys()) {
            if (!ISO_COUNTRIES.contains(code)) {
              map.report(
                  code, "unknown country code '" + code + "' (use ISO 3166 codes such as GB, DE)");
              continue;
            }
            map.map(code).flatMap(c -> country(c, code)).ifPresent(c -> countries.put(code, c));
          }
        });
    return international.map(i -> new CrisisResources(i, countries));
  }

  private static Optional<CrisisResources.Country> country(YamlMap node, String code) {
    node.allowOnly("a country", Set.of("emergency", "services"));
    Optional<String> emergency = node.requiredString("emergency", "country " + code);
    List<CrisisResources.Service> services = new ArrayList<>();
    List<YamlMap> serviceNodes = node.maps("services");
    if (serviceNodes.isEmpty()) {
      node.report("country " + code + " needs at least one service");
    }
    serviceNodes.forEach(s -> service(s).ifPresent(services::add));
    return emergency.map(e -> new CrisisResources.Country(e, services));
  }

  private static Optional<CrisisResources.Service> service(YamlMap node) {
    node.allowOnly("a crisis service", SERVICE_FIELDS);
    Optional<String> name = node.requiredString("name", "a crisis service");
    Optional<String> source = node.requiredString("source", "a crisis service");
    Optional<String> checked = node.requiredString("checked", "a crisis service");
    checked.ifPresent(
        date -> {
          try {
            LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            node.report(
                "checked", "'checked' must be a date like 2026-11-22 but was '" + date + "'");
          }
        });
    Optional<String> phone = node.string("phone");
    Optional<String> text = node.string("text");
    Optional<String> chat = node.string("chat");
    if (phone.isEmpty()
        && text.isEmpty()
        && chat.isEmpty()
        && !node.has("url")
        && node.has("name")) {
      node.report(
          "service '" + name.orElse("?") + "' needs a phone, text, chat or url to reach it");
    }
    node.strings("languages");
    node.string("notes");
    if (name.isEmpty() || source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CrisisResources.Service(
            name.get(), phone, text, chat, node.string("url"), node.string("hours"), source.get()));
  }
}
