package io.tunelab.search.importance;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trials' parameters as rows of numbers in {@code [0, 1]}: numeric parameters scaled within their bounds
 * (in log space when the distribution is logarithmic), exponential ones by their cumulative probability,
 * categorical ones placed at the centre of equal shares of {@code [0, 1]} by choice index. A parameter
 * absent from some trials (a conditional one) gets its own region: present values are squeezed into
 * {@code [0.1, 1]} and "absent" sits at 0.05.
 *
 * @param names parameter names, one per column
 * @param rows  one row per trial
 */
record FeatureMatrix(List<String> names, double[][] rows) {
    private static final double ABSENT = 0.05;
    private static final double PRESENT_FROM = 0.1;

    /** Columns for the parameters {@code only} (all when empty) that take more than one value somewhere in {@code trials}. */
    static FeatureMatrix of(List<FrozenTrial> trials, List<String> only) {
        Set<String> names = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            t.distributions().forEach((name, d) -> {
                if (!d.isSingle() && (only.isEmpty() || only.contains(name))) {
                    names.add(name);
                }
            });
        }
        List<String> columns = new ArrayList<>(names);
        boolean[] sometimesAbsent = new boolean[columns.size()];
        for (FrozenTrial t : trials) {
            for (int c = 0; c < columns.size(); c++) {
                sometimesAbsent[c] |= !t.params().containsKey(columns.get(c));
            }
        }
        double[][] rows = new double[trials.size()][columns.size()];
        for (int r = 0; r < trials.size(); r++) {
            FrozenTrial t = trials.get(r);
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                Distribution d = t.distributions().get(name);
                if (d == null) {
                    rows[r][c] = ABSENT;
                } else {
                    double u = unit(d, d.toInternalOutOfRange(t.params().get(name)));
                    rows[r][c] = sometimesAbsent[c] ? PRESENT_FROM + (1 - PRESENT_FROM) * u : u;
                }
            }
        }
        return new FeatureMatrix(List.copyOf(columns), rows);
    }

    /** A parameter's internal value mapped into [0, 1]. */
    static double unit(Distribution d, double internal) {
        double u;
        if (d instanceof CategoricalDistribution c) {
            u = (internal + 0.5) / c.choices().size();
        } else if (d instanceof FloatDistribution f) {
            u = scale(internal, f.low(), f.high(), f.log());
        } else if (d instanceof ExponentialDistribution e) {
            u = e.cdf(internal);
        } else {
            IntDistribution i = (IntDistribution) d;
            u = scale(internal, i.low(), i.high(), i.log());
        }
        return Double.isNaN(u) ? 0 : Math.max(0, Math.min(1, u));
    }

    private static double scale(double v, double low, double high, boolean log) {
        if (log) {
            return (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low));
        }
        return (v - low) / (high - low);
    }
}
