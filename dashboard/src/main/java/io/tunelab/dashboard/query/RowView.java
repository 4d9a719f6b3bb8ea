package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.tracker.filter.TrialView;

/**
 * What a field or a filter reads of one trial: its snapshot and the summaries of its metric series. A
 * {@link TableRow} is one; the table also reads a study's trials through one reused view, so filtering
 * and sorting 100,000 trials creates no object per trial.
 */
public interface RowView extends TrialView {
    /** The summary of the trial's series {@code name}, or null when it has none or it was not loaded. */
    MetricSummary metric(String name);

    @Override
    default Double metric(String name, String aggregate) {
        MetricSummary s = metric(name);
        return s == null ? null : s.get(aggregate);
    }
}
