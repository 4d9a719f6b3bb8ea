package io.tunelab.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The entries of one YAML mapping, checked for duplicate and non-text keys, with typed reads that
 * record a problem (and return {@code null}) instead of throwing. Not thread-safe; one per mapping.
 */
final class Fields {
    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private Fields(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple entry : node.getValue()) {
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode) || Scalars.value((ScalarNode) keyNode) == null) {
                problems.at(keyNode, path, "keys must be plain names, got " + Values.describe(keyNode));
                continue;
            }
            String key = keyText(entry);
            NodeTuple first = entries.putIfAbsent(key, entry);
            if (first != null) {
                problems.at(keyNode, Paths.child(path, key), "duplicate key " + Texts.quote(key)
                        + " (first given at line " + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
        }
    }

    /** The fields of {@code node}, or {@code null} (with a problem) when it is not a mapping. */
    static Fields of(Node node, String path, Problems problems) {
        MappingNode mapping = Values.mapping(node, path, problems);
        return mapping == null ? null : new Fields(mapping, path, problems);
    }

    static String keyText(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    /** Reports every key not in {@code allowed}, with a suggestion when one is close. */
    Fields allow(Collection<String> allowed) {
        return allow(allowed, key -> Optional.empty());
    }

    /**
     * Reports every key not in {@code allowed}, with {@code hint}'s answer for it (what another library's name is called
     * here) when it has one, else a suggestion when one is close.
     */
    Fields allow(Collection<String> allowed, Function<String, Optional<String>> hint) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String help = hint.apply(e.getKey()).map(h -> "; " + h)
                        .orElseGet(() -> Texts.didYouMean(e.getKey(), allowed));
                problems.at(e.getValue().getKeyNode(), Paths.child(path, e.getKey()), "unknown key "
                        + Texts.quote(e.getKey()) + help + "; expected " + Texts.oneOf(allowed));
            }
        }
        return this;
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    List<NodeTuple> entries() {
        return new ArrayList<>(entries.values());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node of {@code key}, or {@code null} when absent. */
    Node get(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? null : entry.getValueNode();
    }

    /** The key node of {@code key}, or the mapping itself when absent (for positions). */
    Node keyNode(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? node : entry.getKeyNode();
    }

    String path(String key) {
        return Paths.child(path, key);
    }

    /** The value node of a required key; records "is required" and returns null when absent. */
    Node require(String key) {
        Node value = get(key);
        if (value == null) {
            problems.at(node, path(key), "is required" + hintFor(key));
        }
        return value;
    }

    private String hintFor(String key) {
        for (String present : entries.keySet()) {
            if (Texts.closest(present, List.of(key)).isPresent()) {
                return " (is '" + present + "' a misspelling of it?)";
            }
        }
        return "";
    }

    String text(String key, boolean required) {
        Node value = required ? require(key) : get(key);
        return value == null ? null : Values.text(value, path(key), problems);
    }

    Long integer(String key, Range range, boolean required) {
        Node value = required ? require(key) : get(key);
        return value == null ? null : Values.integer(value, path(key), range, problems);
    }

    Double number(String key, Range range, boolean required) {
        Node value = required ? require(key) : get(key);
        return value == null ? null : Values.number(value, path(key), range, problems);
    }

    Boolean bool(String key) {
        Node value = get(key);
        return value == null ? null : Values.bool(value, path(key), problems);
    }
}
