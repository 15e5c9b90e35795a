package org.evenkeel.core.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Crisis services per country, and the international directory every card ends with. */
public record CrisisResources(Service international, Map<String, Country> countries) {

  public CrisisResources {
    requireValue(international, "international");
    countries = Map.copyOf(countries);
  }

  public Optional<Country> country(String isoCode) {
    return Optional.ofNullable(countries.get(isoCode));
  }

  /**
   * The services of one country.
   *
   * @param emergency the emergency number (ambulance, police)
   * @param services crisis lines, most important first
   */
  public record Country(String emergency, List<Service> services) {
    public Country {
      requireValue(emergency, "emergency");
      services = List.copyOf(services);
    }
  }

  /**
   * One crisis service. At least one way to reach it is present.
   *
   * @param name the service's name
   * @param phone a number to call
   * @param text how to reach it by SMS
   * @param chat a chat URL
   * @param url the service's site
   * @param hours when it answers
   * @param source the service's own page publishing this number
   */
  public record Service(
      String name,
      Optional<String> phone,
      Optional<String> text,
      Optional<String> chat,
      Optional<String> url,
      Optional<String> hours,
      String source) {
    public Service {
      requireValue(name, "name");
      requireValue(source, "source");
    }
  }
}
