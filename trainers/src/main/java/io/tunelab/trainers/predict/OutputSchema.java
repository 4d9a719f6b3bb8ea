package io.tunelab.trainers.predict;

import java.util.List;

/**
 * What a model answers, as {@code GET /metadata} describes it.
 *
 * @param task    {@code classification}, {@code regression} or {@code unknown}
 * @param target  the name of the column it predicts, or null when unknown
 * @param classes a classifier's class labels in order, empty otherwise
 */
public record OutputSchema(String task, String target, List<String> classes) {
    public OutputSchema {
        classes = List.copyOf(classes);
    }

    /** A model that does not say what it predicts. */
    public static OutputSchema unknown() {
        return new OutputSchema("unknown", null, List.of());
    }
}
