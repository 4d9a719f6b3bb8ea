package io.tunelab.tracker.filter;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed filter: a predicate over table rows, the metric series it reads, and notes on how it was read.
 *
 * @param source  the filter as written ("" for none)
 * @param test    whether a row passes
 * @param metrics names of the metric series the predicate reads (their summaries must be loaded)
 * @param notes   one-line notes for the user, each once, such as a bare field that means a trial attribute while the
 *                study also has a parameter of that name ({@link FieldResolver#shadowedParam})
 */
public record TrialFilter(String source, Predicate<TrialView> test, Set<String> metrics, List<String> notes) {
    /** The filter every row passes. */
    public static final TrialFilter NONE = new TrialFilter("", r -> true, Set.of(), List.of());

    public TrialFilter {
        metrics = Set.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    public boolean matches(TrialView row) {
        return test.test(row);
    }
}
