package io.tunelab.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Field paths such as {@code space.learning_rate.reciprocal[0]}. */
final class Paths {
    /** The path shown for the document itself. */
    static final String ROOT = "(root)";
    private static final int MAX_KEY = 40;

    private Paths() {
    }

    /** {@code parent.key}, or {@code key} at the root; over-long keys are shortened. */
    static String child(String parent, String key) {
        String k = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) + "..." : key;
        k = k.replaceAll("\\p{Cntrl}", "?");
        return parent.isEmpty() || parent.equals(ROOT) ? k : parent + "." + k;
    }

    /** {@code parent[index]}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    /**
     * The node {@code path} names below {@code root}, or the deepest one on the way when the rest is not in the file (a
     * default the file leaves out, a per-layer parameter such as {@code n_units_l1} written {@code n_units_l{i}}); for a
     * key, the node of its key, where an editor would point.
     */
    static Node find(Node root, String path) {
        Node at = root;
        Node shown = root;
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            Node next = null;
            Node keyNode = null;
            if (m.group(1) != null && at instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(m.group(1))) {
                        keyNode = k;
                        next = t.getValueNode();
                    }
                }
            } else if (m.group(2) != null && at instanceof SequenceNode seq && Integer.parseInt(m.group(2)) < seq.getValue().size()) {
                next = seq.getValue().get(Integer.parseInt(m.group(2)));
                keyNode = next;
            }
            if (next == null) {
                return shown;
            }
            at = next;
            shown = keyNode;
        }
        return shown;
    }
}
