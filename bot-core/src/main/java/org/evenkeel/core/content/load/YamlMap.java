package org.evenkeel.core.content.load;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read from a content file, keeping line numbers so that every problem can be
 * reported where it is. Reading never throws: wrong shapes are reported to {@link Problems} and
 * read as absent.
 */
final class YamlMap {

  private final String file;
  private final Problems problems;
  private final int line;
  private final Map<String, Node> entries = new LinkedHashMap<>();
  private final Map<String, Integer> keyLines = new LinkedHashMap<>();

  private YamlMap(String file, Problems problems, MappingNode node) {
    this.file = file;
    this.problems = problems;
    this.line = lineOf(node);
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        problems.add(file, lineOf(tuple.getKeyNode()), "keys must be plain words");
        continue;
      }
      String key = keyNode.getValue();
      if (entries.containsKey(key)) {
        problems.add(
            file,
            lineOf(keyNode),
            "duplicate key '" + key + "' (first at line " + keyLines.get(key) + ")");
        continue;
      }
      entries.put(key, tuple.getValueNode());
      keyLines.put(key, lineOf(keyNode));
    }
  }

  /** Parses a whole file whose top level must be a mapping. */
  static Optional<YamlMap> parse(String file, String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
    options.setMaxAliasesForCollections(10);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int at = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      problems.add(file, at, "not valid YAML: " + e.getProblem() + context(e, at));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(file, 0, "not valid YAML: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      problems.add(file, 0, "the file is empty");
      return Optional.empty();
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(file, lineOf(root), "expected a mapping of keys to values at the top");
      return Optional.empty();
    }
    return Optional.of(new YamlMap(file, problems, mapping));
  }

  /**
   * Where the parser was when it failed, when that began on an earlier line: the mistake is often
   * there (an unclosed bracket), not where the parser noticed it.
   */
  private static String context(MarkedYAMLException e, int problemLine) {
    if (e.getContext() == null || e.getContextMark() == null) {
      return "";
    }
    int line = e.getContextMark().getLine() + 1;
    return line == problemLine ? "" : " (" + e.getContext() + " that starts at line " + line + ")";
  }

  static int lineOf(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  String file() {
    return file;
  }

  int line() {
    return line;
  }

  Problems problems() {
    return problems;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  /** The line of {@code key}, or of this mapping when the key is absent. */
  int lineOf(String key) {
    return keyLines.getOrDefault(key, line);
  }

  void report(String key, String message) {
    problems.add(file, lineOf(key), message);
  }

  void report(String message) {
    problems.add(file, line, message);
  }

  /** Reports every key not in {@code known}. */
  void allowOnly(String what, Set<String> known) {
    for (String key : entries.keySet()) {
      if (!known.contains(key)) {
        String hint =
            known.stream()
                .filter(k -> editDistance(k, key) <= (key.length() <= 4 ? 1 : 2))
                .sorted()
                .findFirst()
                .map(k -> "did you mean '" + k + "'? ")
                .orElse("");
        report(
            key,
            "unknown field '"
                + key
                + "' in "
                + what
                + " ("
                + hint
                + "known: "
                + sorted(known)
                + ")");
      }
    }
  }

  /**
   * Optimal string alignment distance: a swap of two neighbouring letters ("nxet") counts as one.
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", new TreeSet<>(keys));
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Optional<String> string(String key) {
    Node node = entries.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    report(key, "'" + key + "' must be a single value");
    return Optional.empty();
  }

  Optional<String> requiredString(String key, String what) {
    Optional<String> value = string(key);
    if (value.isEmpty() && !entries.containsKey(key)) {
      report(what + " needs '" + key + "'");
    } else if (value.isPresent() && value.get().isBlank()) {
      report(key, "'" + key + "' must not be empty");
      return Optional.empty();
    }
    return value;
  }

  Optional<Integer> integer(String key) {
    return string(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(Integer.parseInt(text.trim()));
              } catch (NumberFormatException e) {
                report(key, "'" + key + "' must be a whole number but was '" + text + "'");
                return Optional.empty();
              }
            });
  }

  Optional<Double> decimal(String key) {
    return string(key)
        .flatMap(
            text -> {
              try {
                return Optional.of(Double.parseDouble(text.trim()));
              } catch (NumberFormatException e) {
                report(key, "'" + key + "' must be a number but was '" + text + "'");
                return Optional.empty();
              }
            });
  }

  Optional<Boolean> bool(String key) {
    return string(key)
        .flatMap(
            text ->
                switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                  case "true", "yes" -> Optional.of(true);
                  case "false", "no" -> Optional.of(false);
                  default -> {
                    report(key, "'" + key + "' must be true or false but was '" + text + "'");
                    yield Optional.<Boolean>empty();
                  }
                });
  }

  /** A single value or a list of values, with the line of each. */
  List<Located> strings(String key) {
    Node node = entries.get(key);
    List<Located> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node instanceof ScalarNode scalar) {
      out.add(new Located(scalar.getValue(), lineOf(scalar)));
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar) {
          out.add(new Located(scalar.getValue(), lineOf(scalar)));
        } else {
          problems.add(file, lineOf(item), "items of '" + key + "' must be single values");
        }
      }
    } else {
      report(key, "'" + key + "' must be a value or a list of values");
    }
    return out;
  }

  Optional<YamlMap> map(String key) {
    Node node = entries.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(file, problems, mapping));
    }
    report(key, "'" + key + "' must be a mapping of keys to values");
    return Optional.empty();
  }

  List<YamlMap> maps(String key) {
    Node node = entries.get(key);
    List<YamlMap> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SequenceNode sequence)) {
      report(key, "'" + key + "' must be a list");
      return out;
    }
    for (Node item : sequence.getValue()) {
      if (item instanceof MappingNode mapping) {
        out.add(new YamlMap(file, problems, mapping));
      } else {
        problems.add(file, lineOf(item), "items of '" + key + "' must be mappings");
      }
    }
    return out;
  }

  /** The raw node of a key, for values of free shape (message trees). */
  Optional<Node> node(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** A value with the line it was written on. */
  record Located(String value, int line) {}
}
