package org.evenkeel.core.content.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.evenkeel.core.content.CommandMenu;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.CrisisResources;
import org.evenkeel.core.content.Flow;
import org.evenkeel.core.content.Intents;
import org.evenkeel.core.content.Messages;
import org.evenkeel.core.content.MilestoneSet;
import org.evenkeel.core.content.SafetyPatterns;

/**
 * Loads the {@code content/} directory and validates all of it. Either every file is sound and a
 * {@link Content} comes back, or a {@link ContentException} lists every problem with its file and
 * line; it never stops at the first one.
 */
public final class ContentLoader {

  private ContentLoader() {}

  /** Loads and validates {@code dir}. */
  public static Content load(Path dir) {
    Problems problems = new Problems();
    if (!Files.isDirectory(dir)) {
      problems.add(dir.toString(), 0, "content directory not found");
      problems.throwIfAny();
    }
    Reader reader = new Reader(dir, problems);

    Optional<YamlMap> settings = reader.yaml("content.yaml");
    String fallback =
        settings.flatMap(s -> s.requiredString("fallback_locale", "content.yaml")).orElse("en");
    List<String> locales = new ArrayList<>();
    List<YamlMap.Located> privateMenu = new ArrayList<>();
    List<YamlMap.Located> groupMenu = new ArrayList<>();
    settings.ifPresent(
        s -> {
          s.allowOnly("content.yaml", Set.of("fallback_locale", "locales", "menu"));
          s.strings("locales").forEach(l -> locales.add(l.value()));
          s.map("menu")
              .ifPresent(
                  m -> {
                    m.allowOnly("menu", Set.of("private", "groups"));
                    privateMenu.addAll(m.strings("private"));
                    groupMenu.addAll(m.strings("groups"));
                  });
          if (!locales.contains(fallback)) {
            s.report("locales", "locales must include the fallback locale '" + fallback + "'");
          }
        });

    Map<String, MessagesParser.LocaleMessages> messages = new LinkedHashMap<>();
    for (String file : reader.list("messages")) {
      reader.yaml(file).ifPresent(y -> messages.put(baseName(file), MessagesParser.parse(y)));
    }
    if (!messages.containsKey(fallback)) {
      problems.add(
          "messages/" + fallback + ".yaml",
          0,
          "missing file: content.yaml names '" + fallback + "' as the fallback locale");
    }

    List<ParsedFlow> flows = new ArrayList<>();
    for (String file : reader.list("flows")) {
      reader.yaml(file).flatMap(y -> FlowParser.parse(y, baseName(file))).ifPresent(flows::add);
    }

    Optional<CrisisResources> crisis =
        reader.yaml("crisis/resources.yaml").flatMap(CrisisParser::parse);

    List<SafetyPatterns> safety = new ArrayList<>();
    for (String file : reader.list("safety")) {
      reader.yaml(file).flatMap(y -> SafetyParser.parse(y, baseName(file))).ifPresent(safety::add);
    }
    if (safety.isEmpty()) {
      problems.add(
          "safety", 0, "no safety patterns: the crisis screen needs at least one language");
    }

    List<IntentsParser.Located> intents = new ArrayList<>();
    for (String file : reader.list("intents")) {
      reader.yaml(file).ifPresent(y -> intents.addAll(IntentsParser.parse(y, baseName(file))));
    }

    Map<String, MilestoneSet> milestoneSets = new LinkedHashMap<>();
    for (String file : reader.list("milestones")) {
      reader
          .yaml(file)
          .flatMap(y -> MilestonesParser.parse(y, baseName(file)))
          .ifPresent(m -> milestoneSets.put(m.id(), m));
    }

    new ContentValidator(
            problems,
            fallback,
            locales,
            messages,
            flows,
            reader.flowFiles(),
            intents,
            milestoneSets,
            privateMenu,
            groupMenu)
        .validate();
    problems.throwIfAny();

    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    messages.forEach((locale, m) -> texts.put(locale, m.texts()));
    Map<String, Flow> flowMap = new LinkedHashMap<>();
    flows.forEach(f -> flowMap.put(f.flow().id(), f.flow()));
    return new Content(
        locales,
        new Messages(fallback, texts),
        flowMap,
        crisis.orElseThrow(),
        safety,
        new Intents(intents.stream().map(IntentsParser.Located::intent).toList()),
        milestoneSets,
        new CommandMenu(
            privateMenu.stream().map(YamlMap.Located::value).toList(),
            groupMenu.stream().map(YamlMap.Located::value).toList()));
  }

  private static String baseName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - ".yaml".length());
  }

  /** Reads files relative to the content directory, reporting what cannot be read. */
  private static final class Reader {
    private final Path dir;
    private final Problems problems;
    private final Map<String, String> flowFiles = new LinkedHashMap<>();

    Reader(Path dir, Problems problems) {
      this.dir = dir;
      this.problems = problems;
    }

    Map<String, String> flowFiles() {
      return flowFiles;
    }

    List<String> list(String sub) {
      Path folder = dir.resolve(sub);
      if (!Files.isDirectory(folder)) {
        problems.add(sub, 0, "missing folder");
        return List.of();
      }
      try (Stream<Path> files = Files.list(folder)) {
        List<String> names = new ArrayList<>();
        files
            .map(p -> p.getFileName().toString())
            .sorted()
            .forEach(
                name -> {
                  if (name.endsWith(".yaml")) {
                    names.add(sub + "/" + name);
                    if (sub.equals("flows")) {
                      flowFiles.put(name.substring(0, name.length() - 5), sub + "/" + name);
                    }
                  } else if (name.endsWith(".yml")) {
                    problems.add(sub + "/" + name, 0, "content files end in .yaml, not .yml");
                  }
                });
        return names;
      } catch (IOException e) {
        problems.add(sub, 0, "cannot list folder: " + e.getMessage());
        return List.of();
      }
    }

    Optional<YamlMap> yaml(String file) {
      Path path = dir.resolve(file);
      if (!Files.isRegularFile(path)) {
        problems.add(file, 0, "missing file");
        return Optional.empty();
      }
      try {
        byte[] bytes = Files.readAllBytes(path);
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return YamlMap.parse(file, text, problems);
      } catch (CharacterCodingException e) {
        problems.add(file, 0, "not UTF-8 text");
      } catch (IOException e) {
        problems.add(file, 0, "cannot read: " + e.getMessage());
      }
      return Optional.empty();
    }
  }

  /** For callers that want problems as a list rather than an exception. */
  public static List<org.evenkeel.core.content.ContentProblem> check(Path dir) {
    try {
      load(dir);
      return List.of();
    } catch (ContentException e) {
      return e.problems();
    }
  }
}
