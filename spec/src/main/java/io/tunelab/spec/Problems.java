package io.tunelab.spec;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one study file while it is checked, so all of them are reported at once.
 * Keeps at most {@value #MAX} problems (a mangled file could otherwise produce thousands) and says
 * how many more there were. Not thread-safe: one per parse.
 */
final class Problems {
    static final int MAX = 100;

    private final String file;
    private final List<SpecProblem> list = new ArrayList<>();
    private int dropped;

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** A problem at the start of {@code node} (line 1, column 1 if there is no node). */
    void at(Node node, String path, String message) {
        at(node == null ? null : node.getStartMark(), path, message);
    }

    /** A problem at a position (1-based line and column are derived from SnakeYAML's 0-based mark). */
    void at(Mark mark, String path, String message) {
        if (mark == null) {
            add(new SpecProblem(file, 1, 1, path, message));
        } else {
            add(new SpecProblem(file, mark.getLine() + 1, mark.getColumn() + 1, path, message));
        }
    }

    /** A problem at a 1-based line and column. */
    void at(int line, int column, String path, String message) {
        add(new SpecProblem(file, line, column, path, message));
    }

    /** A problem about the file as a whole (no position). */
    void whole(String path, String message) {
        add(new SpecProblem(file, 0, 0, path, message));
    }

    private void add(SpecProblem problem) {
        if (list.size() < MAX) {
            list.add(problem);
        } else {
            dropped++;
        }
    }

    /** Number of problems recorded so far (the dropped ones included). */
    int count() {
        return list.size() + dropped;
    }

    /** Throws a {@link SpecValidationException} with every problem, if there is any. */
    void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        List<SpecProblem> all = new ArrayList<>(list);
        if (dropped > 0) {
            all.add(new SpecProblem(file, 0, 0, "(file)",
                    dropped + " more problems not shown; fix the ones above first"));
        }
        throw new SpecValidationException(all);
    }
}
