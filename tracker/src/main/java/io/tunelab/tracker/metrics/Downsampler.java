package io.tunelab.tracker.metrics;

import io.tunelab.tracker.TrackerException;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Reduces a series, ordered by step, to at most {@code maxPoints} points while keeping its shape: the
 * first and the last point are always kept, the points between them are cut into
 * {@code (maxPoints - 2) / 2} buckets of equal count (sizes differ by at most one), and each bucket keeps
 * its smallest and its largest value (one point if they are the same), so spikes stay visible however far
 * a series is reduced. This is the "min/max" decimation long used for oscilloscope and time-series
 * displays (see also Steinarsson, <i>Downsampling Time Series for Visual Representation</i>, 2013, for
 * the related LTTB). NaN values are skipped when looking for extremes; a bucket holding only NaN keeps
 * its first point, so gaps stay visible. The one implementation for the tracker's queries and the
 * dashboard. Stateless and thread-safe.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /**
     * The indices in {@code [from, to)} of the points to keep, ascending: every index when there are at
     * most {@code maxPoints}, otherwise at most {@code maxPoints} of them as described above.
     *
     * @param values the series' values by index, in step order
     * @throws TrackerException (invalid) if {@code maxPoints < 2}
     */
    public static int[] minMax(IntToDoubleFunction values, int from, int to, int maxPoints) {
        if (maxPoints < 2) {
            throw TrackerException.invalid("maxPoints must be at least 2, got " + maxPoints);
        }
        int count = Math.max(0, to - from);
        if (count <= maxPoints) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = from + i;
            }
            return all;
        }
        int[] keep = new int[maxPoints];
        int n = 0;
        keep[n++] = from;
        int buckets = (maxPoints - 2) / 2;
        int inner = count - 2;
        for (int b = 0; b < buckets; b++) {
            int start = from + 1 + (int) ((long) b * inner / buckets);
            int end = from + 1 + (int) ((long) (b + 1) * inner / buckets);
            n = keepExtremes(values, start, end, keep, n);
        }
        keep[n++] = to - 1;
        return n == keep.length ? keep : Arrays.copyOf(keep, n);
    }

    private static int keepExtremes(IntToDoubleFunction values, int start, int end, int[] keep, int n) {
        if (start >= end) {
            return n;
        }
        int lo = -1;
        int hi = -1;
        for (int i = start; i < end; i++) {
            double v = values.applyAsDouble(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (lo < 0 || v < values.applyAsDouble(lo)) {
                lo = i;
            }
            if (hi < 0 || v > values.applyAsDouble(hi)) {
                hi = i;
            }
        }
        if (lo < 0) {
            keep[n++] = start;
        } else if (lo == hi) {
            keep[n++] = lo;
        } else {
            keep[n++] = Math.min(lo, hi);
            keep[n++] = Math.max(lo, hi);
        }
        return n;
    }
}
