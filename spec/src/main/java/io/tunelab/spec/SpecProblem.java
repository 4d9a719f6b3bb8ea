package io.tunelab.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a study file, located by line, column and field path.
 *
 * @param file    the file name as the user gave it, never null
 * @param line    1-based line, or 0 when the problem concerns the file as a whole (unreadable, too large)
 * @param column  1-based column, or 0 together with {@code line == 0}
 * @param path    the field path, e.g. {@code space.learning_rate.reciprocal[0]}; {@code (root)} for the
 *                document itself, {@code (yaml)} for syntax errors, {@code (file)} for reading errors
 * @param message what is wrong and what is expected, never null
 */
public record SpecProblem(String file, int line, int column, String path, String message) {

    /** Orders problems by position in the file, then by path; problems without a position come last. */
    public static final Comparator<SpecProblem> BY_POSITION =
            Comparator.comparingInt((SpecProblem p) -> p.line() > 0 ? p.line() : Integer.MAX_VALUE)
                    .thenComparingInt(SpecProblem::column).thenComparing(SpecProblem::path);

    public SpecProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The compiler-style line: {@code study.yaml:12:5: space.lr.reciprocal[0]: message}. */
    public String format() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + path + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
