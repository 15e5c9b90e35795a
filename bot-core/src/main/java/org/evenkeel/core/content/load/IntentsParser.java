package org.evenkeel.core.content.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evenkeel.core.content.Intents;

/** Reads {@code intents/<locale>.yaml}. */
final class IntentsParser {

  private IntentsParser() {}

  /** An intent with the line it was declared on, for reference checks. */
  record Located(Intents.Intent intent, int line) {}

  static List<Located> parse(YamlMap root, String expectedLocale) {
    root.allowOnly("intents", Set.of("locale", "intents"));
    String locale = root.requiredString("locale", "intents").orElse(expectedLocale);
    if (!locale.equals(expectedLocale)) {
      root.report(
          "locale", "locale '" + locale + "' must match the file name '" + expectedLocale + "'");
    }
    List<Located> out = new ArrayList<>();
    for (YamlMap node : root.maps("intents")) {
      node.allowOnly("an intent", Set.of("id", "flow", "command", "examples"));
      Optional<String> id = node.requiredString("id", "an intent");
      Optional<String> flow = node.string("flow");
      Optional<String> command = node.string("command");
      if (flow.isPresent() == command.isPresent()) {
        node.report("intent '" + id.orElse("?") + "' needs exactly one of 'flow' or 'command'");
      }
      List<String> examples =
          node.strings("examples").stream().map(YamlMap.Located::value).toList();
      if (examples.isEmpty()) {
        node.report("intent '" + id.orElse("?") + "' needs 'examples'");
      }
      id.ifPresent(
          i ->
              out.add(
                  new Located(
                      new Intents.Intent(i, locale, flow, command, examples), node.line())));
    }
    return out;
  }
}
