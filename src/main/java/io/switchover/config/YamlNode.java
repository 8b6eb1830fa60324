package io.switchover.config;

import io.switchover.SwitchoverException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a YAML document with its place (file, line, key path), so that every complaint about the configuration
 * says where to look.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;

    YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The key path, e.g. {@code services[1].production.tag}. */
    String path() {
        return path;
    }

    int line() {
        return lineOf(node);
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    SwitchoverException error(String problem) {
        return SwitchoverException.badInput(file + ":" + line() + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    Map<String, YamlNode> mapping(Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping of keys to values");
        }
        Map<String, YamlNode> children = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error("keys must be plain words");
            }
            String name = key.getValue();
            YamlNode child = new YamlNode(file, path.isEmpty() ? name : path + "." + name, tuple.getValueNode());
            if (!allowedKeys.contains(name)) {
                throw new YamlNode(file, child.path, tuple.getKeyNode()).error("unknown key; expected one of "
                        + String.join(", ", allowedKeys.stream().sorted().toList()));
            }
            if (keyLines.containsKey(name)) {
                throw twice(tuple, child.path, keyLines.get(name));
            }
            children.put(name, child);
            keyLines.put(name, lineOf(tuple.getKeyNode()));
        }
        return children;
    }

    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value");
        }
        return scalar.getValue();
    }

    List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", sequence.getValue().get(i)));
        }
        return items;
    }

    /** A list of words, also written as one word. */
    List<String> texts() {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        return items().stream().map(YamlNode::text).toList();
    }

    Map<String, String> textMap() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping of names to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(file, path, tuple.getKeyNode());
            YamlNode value = new YamlNode(file, path + "." + key.text(), tuple.getValueNode());
            if (keyLines.containsKey(key.text())) {
                throw twice(tuple, value.path, keyLines.get(key.text()));
            }
            values.put(key.text(), value.text());
            keyLines.put(key.text(), key.line());
        }
        return values;
    }

    /** A key given twice: YAML keeps the last one silently, which would make the first a setting that does nothing. */
    private SwitchoverException twice(NodeTuple tuple, String keyPath, int firstLine) {
        return new YamlNode(file, keyPath, tuple.getKeyNode()).error("given twice (first on line " + firstLine
                + "); keep one");
    }

    static Optional<String> text(Map<String, YamlNode> mapping, String key) {
        return Optional.ofNullable(mapping.get(key)).map(YamlNode::text);
    }
}
