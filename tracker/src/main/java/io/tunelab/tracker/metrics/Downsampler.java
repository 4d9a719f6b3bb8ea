package io.tunelab.tracker.metrics;

import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reduces a series to at most {@code maxPoints} points while keeping its shape: the step range is cut
 * into {@code maxPoints / 2} equal buckets, and each non-empty bucket contributes its minimum and its
 * maximum point (one point if they coincide), so spikes stay visible. This is the "min/max" decimation
 * long used for oscilloscope and time-series displays (see also Steinarsson, <i>Downsampling Time
 * Series for Visual Representation</i>, 2013, for the related LTTB). NaN points count only in buckets
 * holding nothing else. Output is in step order. Stateless.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /** The downsampled series; the input, sorted by step, when it already has at most {@code maxPoints} points. */
    public static List<MetricPoint> minMax(List<MetricPoint> points, int maxPoints) {
        long[] steps = new long[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = points.get(i).step();
            values[i] = points.get(i).value();
        }
        List<MetricPoint> out = new ArrayList<>();
        for (int i : minMax(steps, values, steps.length, maxPoints)) {
            out.add(points.get(i));
        }
        return out;
    }

    /**
     * The indices (into the first {@code n} entries of the columns) of the points to keep, in step
     * order (ties in input order). All {@code n} indices when {@code n <= maxPoints}.
     */
    public static int[] minMax(long[] steps, double[] values, int n, int maxPoints) {
        if (maxPoints < 2) {
            throw TrackerException.invalid("maxPoints must be at least 2, got " + maxPoints);
        }
        if (n <= maxPoints) {
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(i -> steps[i]));
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
        int buckets = maxPoints / 2;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, steps[i]);
            hi = Math.max(hi, steps[i]);
        }
        double width = ((double) hi - lo + 1) / buckets;
        int[] minAt = new int[buckets];
        int[] maxAt = new int[buckets];
        int[] anyAt = new int[buckets];
        Arrays.fill(minAt, -1);
        Arrays.fill(maxAt, -1);
        Arrays.fill(anyAt, -1);
        for (int i = 0; i < n; i++) {
            int b = (int) Math.min(buckets - 1, (long) ((steps[i] - lo) / width));
            if (anyAt[b] < 0) {
                anyAt[b] = i;
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (minAt[b] < 0 || v < values[minAt[b]]) {
                minAt[b] = i;
            }
            if (maxAt[b] < 0 || v > values[maxAt[b]]) {
                maxAt[b] = i;
            }
        }
        int[] out = new int[maxPoints];
        int size = 0;
        for (int b = 0; b < buckets; b++) {
            if (anyAt[b] < 0) {
                continue;
            }
            int a = minAt[b] < 0 ? anyAt[b] : minAt[b];
            int z = minAt[b] < 0 ? anyAt[b] : maxAt[b];
            boolean minFirst = steps[a] < steps[z] || (steps[a] == steps[z] && a <= z);
            out[size++] = minFirst ? a : z;
            if (a != z) {
                out[size++] = minFirst ? z : a;
            }
        }
        return Arrays.copyOf(out, size);
    }
}
