package io.tunelab.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code constraints} (see {@link ConstraintSpec}). Stateless. */
final class ConstraintParser {
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_./-]*)\\s*(?:(<=|>=)\\s*(\\S+))?\\s*");
    private static final String EXPECTED = "expected a metric name, alone (must be <= 0) or with '<= NUMBER' or '>= NUMBER'"
            + " (e.g. cv_std or 'val_accuracy >= 0.8')";
    /** The user attribute the constraint values themselves are stored in: not a metric to constrain. */
    private static final String RESERVED = "constraints";

    private ConstraintParser() {
    }

    /** The constraint {@code text} writes, or null after recording a problem at {@code node}. */
    static ConstraintSpec parse(String text, Node node, String path, Problems problems) {
        Matcher m = ENTRY.matcher(text);
        if (!m.matches()) {
            problems.at(node, path, EXPECTED + ", got " + Texts.quote(text));
            return null;
        }
        String metric = m.group(1);
        if (metric.equals(RESERVED)) {
            problems.at(node, path, "'" + RESERVED + "' is the attribute the constraint values are stored in;"
                    + " name a metric the trainer reports or another user attribute");
            return null;
        }
        if (m.group(2) == null) {
            return ConstraintSpec.atMostZero(metric);
        }
        double limit;
        try {
            limit = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            limit = Double.NaN;
        }
        if (!Double.isFinite(limit)) {
            problems.at(node, path, "the bound of '" + metric + "' must be a finite number, got " + Texts.quote(m.group(3)));
            return null;
        }
        return new ConstraintSpec(metric, m.group(2).equals("<=") ? ConstraintSpec.Bound.AT_MOST
                : ConstraintSpec.Bound.AT_LEAST, limit);
    }
}
