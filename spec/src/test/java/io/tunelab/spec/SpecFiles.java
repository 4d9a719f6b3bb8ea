package io.tunelab.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A minimal valid study file, and variants of it with one line replaced or lines added. */
public final class SpecFiles {
    /** Line numbers are part of the tests: keep this at 8 lines in this order. */
    public static final String MINIMAL = """
            study: s
            direction: maximize
            metric: acc
            trainer: djl-mlp
            data: {dataset: d}
            budget: {trials: 5}
            space:
              lr: {reciprocal: [1e-4, 1e-1]}
            """;

    /** The line of the minimal file {@link #adding} adds its text from. */
    public static final int ADDED_LINE = 9;

    private SpecFiles() {
    }

    /** The minimal file with line {@code line} (1-based) replaced by {@code text} (which may span lines). */
    public static String replacing(int line, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(MINIMAL.split("\n")));
        lines.set(line - 1, text);
        return String.join("\n", lines) + "\n";
    }

    /** The minimal file with {@code text} appended from line {@value #ADDED_LINE} on. */
    public static String adding(String text) {
        return MINIMAL + text + "\n";
    }

    /** The minimal file without line {@code line}. */
    public static String without(int line) {
        List<String> lines = new ArrayList<>(Arrays.asList(MINIMAL.split("\n")));
        lines.remove(line - 1);
        return String.join("\n", lines) + "\n";
    }
}
