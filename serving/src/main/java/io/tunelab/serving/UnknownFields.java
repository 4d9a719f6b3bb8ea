package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.text.Suggestions;
import io.tunelab.trainers.predict.InputSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fields of a named instance the model does not take, worded for a message with a "did you mean". */
final class UnknownFields {
    private UnknownFields() {
    }

    /**
     * "has unknown feature 'sqft' (did you mean 'sq ft'?); expected [...]" for the first field of {@code instance}
     * not in {@code known}, or empty when every field is known.
     */
    static Optional<String> of(JsonNode instance, Set<String> known, InputSchema schema) {
        for (Iterator<String> it = instance.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                List<String> columns = schema.columns().stream().map(InputSchema.Column::name).toList();
                List<String> absent = new ArrayList<>();
                for (InputSchema.Column c : schema.columns()) {
                    if (!instance.has(c.name()) && c.featureNames().stream().noneMatch(instance::has)) {
                        absent.add(c.name());
                    }
                }
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                return Optional.of("has unknown feature '" + shown + "'" + Suggestions.didYouMean(name, absent.isEmpty()
                        ? columns : absent) + "; expected " + columns + (absent.isEmpty() ? "" : ", missing " + absent));
            }
        }
        return Optional.empty();
    }
}
