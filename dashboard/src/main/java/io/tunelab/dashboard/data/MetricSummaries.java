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
        double[] values = new double[sorted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sorted.get(i).value();
        }
        return of(trialId, name, sorted.get(sorted.size() - 1).step(), values);
    }

    /** Last, min and max of the points of {@code series}; null if it has none. */
    public static MetricSummary of(MetricSeries series) {
        return series.size() == 0 ? null
                : of(series.trialId(), series.name(), series.steps()[series.size() - 1], series.values());
    }

    private static MetricSummary of(long trialId, String name, long lastStep, double[] values) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Double.isNaN(min) || v < min ? v : min;
                max = Double.isNaN(max) || v > max ? v : max;
            }
        }
        return new MetricSummary(trialId, name, values.length, lastStep, values[values.length - 1], min, max);
    }
}
