package io.tunelab.tracker.filter;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed filter: a predicate over table rows and the metric series it reads.
 *
 * @param source  the filter as written ("" for none)
 * @param test    whether a row passes
 * @param metrics names of the metric series the predicate reads (their summaries must be loaded)
 */
public record TrialFilter(String source, Predicate<TrialView> test, Set<String> metrics) {
    /** The filter every row passes. */
    public static final TrialFilter NONE = new TrialFilter("", r -> true, Set.of());

    public TrialFilter {
        metrics = Set.copyOf(metrics);
    }

    public boolean matches(TrialView row) {
        return test.test(row);
    }
}
