package io.tunelab.dashboard.data;

import io.tunelab.search.summary.Histogram;

/**
 * What the Histograms and Distributions views draw from a stored histogram, as TensorBoard's backend derives
 * them: its buckets spread over {@code n} equal bins between its min and max, and its values at percentiles.
 * Within a stored bucket values are taken as evenly spread, the outer buckets clipped to the min and max.
 * Stateless.
 */
public final class HistogramShapes {
    /** TensorBoard's distribution bands: min, ±1.5σ, ±1σ, ±0.5σ, median... as fractions of the values. */
    public static final double[] BANDS = {0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 1};

    private HistogramShapes() {
    }

    /**
     * {@code n} rows of (left edge, right edge, count) covering {@code [min, max]}; a histogram of one
     * distinct value gives one bin of width 1 around it, an empty one no bins.
     */
    public static double[][] bins(Histogram h, int n) {
        if (h.num() <= 0 || !(h.max() >= h.min())) {
            return new double[0][];
        }
        if (h.max() == h.min()) {
            return new double[][] {{h.min() - 0.5, h.max() + 0.5, h.num()}};
        }
        double width = (h.max() - h.min()) / n;
        double[][] out = new double[n][];
        for (int b = 0; b < n; b++) {
            out[b] = new double[] {h.min() + b * width, b == n - 1 ? h.max() : h.min() + (b + 1) * width, 0};
        }
        double[] limits = h.limits();
        double[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] <= 0) {
                continue;
            }
            double lo = Math.max(h.min(), i == 0 ? h.min() : limits[i - 1]);
            double hi = Math.min(h.max(), limits[i]);
            if (hi <= lo) {
                out[binOf(Math.min(lo, h.max()), h, width, n)][2] += counts[i];
                continue;
            }
            int first = binOf(lo, h, width, n);
            int last = binOf(hi, h, width, n);
            for (int b = first; b <= last; b++) {
                double overlap = Math.min(hi, out[b][1]) - Math.max(lo, out[b][0]);
                if (overlap > 0) {
                    out[b][2] += counts[i] * overlap / (hi - lo);
                }
            }
        }
        return out;
    }

    private static int binOf(double v, Histogram h, double width, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.floor((v - h.min()) / width)));
    }

    /** The values below which each of {@code fractions} of the values lie; empty for an empty histogram. */
    public static double[] percentiles(Histogram h, double[] fractions) {
        if (h.num() <= 0) {
            return new double[0];
        }
        double[] limits = h.limits();
        double[] counts = h.counts();
        double[] out = new double[fractions.length];
        for (int f = 0; f < fractions.length; f++) {
            double target = fractions[f] * h.num();
            double seen = 0;
            out[f] = h.max();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && seen + counts[i] >= target) {
                    double lo = Math.max(h.min(), i == 0 ? h.min() : limits[i - 1]);
                    double hi = Math.max(lo, Math.min(h.max(), limits[i]));
                    out[f] = lo + (hi - lo) * Math.max(0, target - seen) / counts[i];
                    break;
                }
                seen += counts[i];
            }
        }
        return out;
    }
}
