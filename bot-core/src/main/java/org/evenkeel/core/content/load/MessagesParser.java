package org.evenkeel.core.content.load;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Flattens a messages file's nested keys ({@code ground: {see: ...}} is {@code ground.see}). */
final class MessagesParser {

  private MessagesParser() {}

  /**
   * The messages of one locale.
   *
   * @param texts key to text
   * @param lines key to line
   */
  record LocaleMessages(Map<String, String> texts, Map<String, Integer> lines) {}

  static LocaleMessages parse(YamlMap root) {
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (String key : root.keys()) {
      root.node(key).ifPresent(node -> walk(root, key, root.lineOf(key), node, texts, lines));
    }
    return new LocaleMessages(texts, lines);
  }

  private static void walk(
      YamlMap root,
      String key,
      int line,
      Node node,
      Map<String, String> texts,
      Map<String, Integer> lines) {
    if (node instanceof ScalarNode scalar) {
      if (scalar.getValue().isBlank()) {
        root.problems().add(root.file(), line, "message '" + key + "' is empty");
      }
      texts.put(key, scalar.getValue());
      lines.put(key, line);
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode child) {
          String full = key + "." + child.getValue();
          if (lines.containsKey(full)) {
            root.problems()
                .add(
                    root.file(),
                    YamlMap.lineOf(child),
                    "duplicate key '" + full + "' (first at line " + lines.get(full) + ")");
            continue;
          }
          walk(root, full, YamlMap.lineOf(child), tuple.getValueNode(), texts, lines);
        }
      }
    } else {
      root.problems()
          .add(root.file(), line, "message '" + key + "' must be text or a group of keys");
    }
  }
}
