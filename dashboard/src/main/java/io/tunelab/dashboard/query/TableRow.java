package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Map;

/**
 * A trial as the table sees it: its snapshot plus summaries of the metric series the query needs.
 *
 * @param trial   the snapshot
 * @param metrics metric summaries by series name (only those loaded for this query)
 */
public record TableRow(FrozenTrial trial, Map<String, MetricSummary> metrics) implements RowView {
    public TableRow {
        metrics = Map.copyOf(metrics);
    }

    @Override
    public MetricSummary metric(String name) {
        return metrics.get(name);
    }
}
