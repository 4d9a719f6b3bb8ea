package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.text.Suggestions;
import io.tunelab.trainers.predict.InputSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a named instance the model does not take. As MLflow's schema enforcement does, they are ignored
 * while every column the model needs is there (a test file's target, an id column); when a column is missing too,
 * the first of them is taken for a misspelling and worded for a message with a "did you mean". Stateless.
 */
final class UnknownFields {
    private UnknownFields() {
    }

    /** The fields of {@code instance} not in {@code known}, in the instance's order; empty when every field is known. */
    static List<String> of(JsonNode instance, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = instance.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * "has unknown feature 'sqft' (did you mean 'sq ft'?); expected [...], missing [...]" for the first of {@code
     * unknown} when a column of {@code schema} is absent from {@code instance}; empty when there is no unknown field or
     * no column is absent (the unknown fields are then ignored).
     */
    static Optional<String> misspelt(JsonNode instance, List<String> unknown, InputSchema schema) {
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        List<String> absent = new ArrayList<>();
        for (InputSchema.Column c : schema.columns()) {
            if (!instance.has(c.name()) && c.featureNames().stream().noneMatch(instance::has)) {
                absent.add(c.name());
            }
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        String name = unknown.get(0);
        List<String> columns = schema.columns().stream().map(InputSchema.Column::name).toList();
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return Optional.of("has unknown feature '" + shown + "'" + Suggestions.didYouMean(name, absent)
                + "; expected " + columns + ", missing " + absent);
    }
}
