package io.tunelab.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed reads of YAML nodes. Each method returns the value, or {@code null} after recording a
 * problem that names the path, what was found and what was expected. Never throws.
 */
final class Values {
    /** Deepest nesting accepted in free-form sections (data, trainer options). */
    static final int MAX_FREE_DEPTH = 16;
    /** Most nodes accepted in one free-form section. */
    static final int MAX_FREE_NODES = 10_000;
    /** Longest text accepted for a name-like value. */
    static final int MAX_TEXT = 200;

    private Values() {
    }

    /** Words for what a node holds, for messages: "a list", "the number 5", "the text 'x'". */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Object value = Scalars.value((ScalarNode) node);
        if (value == null) {
            return "an empty value";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + Texts.shorten(((ScalarNode) node).getValue());
        }
        return "the text " + Texts.quote(value.toString());
    }

    static MappingNode mapping(Node node, String path, Problems problems) {
        if (node instanceof MappingNode m) {
            return m;
        }
        problems.at(node, path, "expected a mapping (key: value pairs), got " + describe(node));
        return null;
    }

    static SequenceNode sequence(Node node, String path, Problems problems) {
        if (node instanceof SequenceNode s) {
            return s;
        }
        problems.at(node, path, "expected a list, got " + describe(node));
        return null;
    }

    /** A non-blank text of at most {@value #MAX_TEXT} characters, without control characters. */
    static String text(Node node, String path, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : node;
        if (!(value instanceof String text)) {
            String hint = value instanceof Number || value instanceof Boolean
                    ? " (quote it if you mean the text: " + Texts.quote(((ScalarNode) node).getValue()) + ")" : "";
            problems.at(node, path, "expected a text, got " + describe(node) + hint);
            return null;
        }
        if (text.isBlank()) {
            problems.at(node, path, "must not be blank");
            return null;
        }
        if (text.length() > MAX_TEXT) {
            problems.at(node, path, "must be at most " + MAX_TEXT + " characters, got " + text.length());
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            problems.at(node, path, "must not contain control characters, got " + Texts.quote(text));
            return null;
        }
        return text;
    }

    /** An integer inside {@code range}. */
    static Long integer(Node node, String path, Range range, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : node;
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            problems.at(node, path, "expected an integer" + spaced(range) + ", got " + describe(node));
            return null;
        }
        Number n = (Number) value;
        if (n instanceof BigInteger || !range.contains(n.longValue())) {
            problems.at(node, path, "must be an integer" + spaced(range) + ", got "
                    + Texts.shorten(((ScalarNode) node).getValue()));
            return null;
        }
        return n.longValue();
    }

    /** A finite number inside {@code range}. */
    static Double number(Node node, String path, Range range, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : node;
        if (!(value instanceof Number n)) {
            problems.at(node, path, "expected a number" + spaced(range) + ", got " + describe(node));
            return null;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || !range.contains(d)) {
            problems.at(node, path, "must be a " + (Double.isFinite(d) ? "" : "finite ") + "number"
                    + spaced(range) + ", got " + Texts.shorten(((ScalarNode) node).getValue()));
            return null;
        }
        return d;
    }

    private static String spaced(Range range) {
        String words = range.describe();
        return words.isEmpty() ? "" : " " + words;
    }

    static Boolean bool(Node node, String path, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : node;
        if (value instanceof Boolean b) {
            return b;
        }
        problems.at(node, path, "expected true or false, got " + describe(node));
        return null;
    }

    /**
     * A free-form value as plain Java objects (maps keep file order), for sections that the trainer
     * checks later. Bounded: nesting deeper than {@value #MAX_FREE_DEPTH} or more than
     * {@value #MAX_FREE_NODES} nodes is a problem (this also stops alias cycles).
     */
    static Object plain(Node node, String path, Problems problems) {
        int[] budget = {MAX_FREE_NODES};
        return plain(node, path, problems, 0, budget);
    }

    private static Object plain(Node node, String path, Problems problems, int depth, int[] budget) {
        if (depth > MAX_FREE_DEPTH || --budget[0] < 0) {
            problems.at(node, path, depth > MAX_FREE_DEPTH
                    ? "nested deeper than " + MAX_FREE_DEPTH + " levels"
                    : "holds more than " + MAX_FREE_NODES + " values");
            budget[0] = Integer.MIN_VALUE / 2;
            return null;
        }
        if (node instanceof ScalarNode s) {
            Object value = Scalars.value(s);
            if (value instanceof Double d && !Double.isFinite(d)) {
                problems.at(node, path, "must be a finite number, got " + s.getValue());
            }
            return value instanceof BigInteger big ? big.toString() : value;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size() && budget[0] >= 0; i++) {
                list.add(plain(seq.getValue().get(i), Paths.index(path, i), problems, depth + 1, budget));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Fields fields = Fields.of(node, path, problems);
        if (fields == null) {
            return map;
        }
        for (NodeTuple entry : fields.entries()) {
            if (budget[0] < 0) {
                break;
            }
            String key = Fields.keyText(entry);
            map.put(key, plain(entry.getValueNode(), Paths.child(path, key), problems, depth + 1, budget));
        }
        return map;
    }
}
