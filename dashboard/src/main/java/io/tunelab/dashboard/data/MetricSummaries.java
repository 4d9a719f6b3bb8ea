package io.tunelab.dashboard.data;

import io.tunelab.search.trial.MetricPoint;
import java.util.List;

/** Computes a {@link MetricSummary} from a series; any adapter may use it. Stateless. */
public final class MetricSummaries {
    private MetricSummaries() {
    }

    /** Last, min and max of a series ordered by step; null for an empty series. */
    public static MetricSummary of(long trialId, String name, List<MetricPoint> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        double min = Double.NaN;
        double max = Double.NaN;
        for (MetricPoint p : sorted) {
            double v = p.value();
            if (!Double.isNaN(v)) {
                min = Double.isNaN(min) || v < min ? v : min;
                max = Double.isNaN(max) || v > max ? v : max;
            }
        }
        MetricPoint last = sorted.get(sorted.size() - 1);
        return new MetricSummary(trialId, name, sorted.size(), last.step(), last.value(), min, max);
    }
}
