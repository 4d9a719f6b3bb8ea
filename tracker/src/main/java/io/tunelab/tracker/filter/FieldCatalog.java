package io.tunelab.tracker.filter;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a study's fields are called, so filters and sort keys naming unknown fields fail with a helpful
 * message instead of silently matching nothing.
 *
 * @param params     parameter names
 * @param metrics    metric series names
 * @param objectives number of objective values
 */
public record FieldCatalog(Set<String> params, Set<String> metrics, int objectives) {
    public FieldCatalog {
        params = Set.copyOf(params);
        metrics = Set.copyOf(metrics);
    }

    /** A sentence listing the names a field may take, for error messages. */
    String describe() {
        return "fields are " + String.join(", ", FieldResolver.BUILT_IN) + ", value"
                + (objectives > 1 ? ", value0..value" + (objectives - 1) : "")
                + ", params " + new TreeSet<>(params) + " (params.NAME or NAME), metrics " + new TreeSet<>(metrics)
                + " (metrics.NAME for the last value, NAME.last/.min/.max), and user attributes user_attr.KEY (or tags.KEY)";
    }
}
