package io.tunelab.tracker.filter;

import io.tunelab.search.trial.FrozenTrial;

/**
 * What a {@link Field} or a {@link TrialFilter} reads of one trial: its snapshot and aggregates of its metric series.
 * Implementations decide how metric series are loaded (the dashboard's table reuses one view over a whole study; the
 * CLI builds one per trial); a filter only asks for the series its {@link TrialFilter#metrics()} names.
 */
public interface TrialView {
    /** The trial's snapshot. */
    FrozenTrial trial();

    /**
     * The {@code aggregate} ({@code last}, {@code min} or {@code max}) of the trial's series {@code name}, or null when
     * it has none or it was not loaded.
     */
    Double metric(String name, String aggregate);
}
