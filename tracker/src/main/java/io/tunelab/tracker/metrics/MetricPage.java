package io.tunelab.tracker.metrics;

import io.tunelab.search.trial.MetricPoint;
import java.util.List;

/**
 * Points of one trial logged after a cursor, in the order they were written.
 *
 * @param points the points, at most the requested limit
 * @param cursor pass this as {@code after} to get only what comes next (unchanged when nothing was new)
 * @param more   whether more points were already waiting beyond the limit
 */
public record MetricPage(List<MetricPoint> points, long cursor, boolean more) {
    public MetricPage {
        points = List.copyOf(points);
    }
}
