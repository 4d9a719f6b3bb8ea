package io.tunelab.trainers.predict;

import java.util.List;

/**
 * What a model answers, as {@code GET /metadata} describes it.
 *
 * @param task    {@code classification}, {@code regression}, {@code forecasting} (a regressor of series windows) or
 *                {@code unknown}
 * @param target  the name of what it predicts (a column, {@code label}), or null when unknown
 * @param classes a classifier's class labels in order, empty otherwise
 * @param width   how many numbers a regressor answers per instance (a forecast's horizon), 1 otherwise
 */
public record OutputSchema(String task, String target, List<String> classes, int width) {
    public OutputSchema {
        classes = List.copyOf(classes);
        if (width < 1) {
            throw new IllegalArgumentException("an output has at least one value, got width " + width);
        }
    }

    /** An output of one value (a class or a number) per instance. */
    public OutputSchema(String task, String target, List<String> classes) {
        this(task, target, classes, 1);
    }

    /** A model that does not say what it predicts. */
    public static OutputSchema unknown() {
        return new OutputSchema("unknown", null, List.of());
    }
}
