package io.tunelab.dashboard.data;

import io.tunelab.search.trial.MetricPoint;
import java.util.List;

/**
 * Selects a step range of a metric series and, when it holds more points than asked for, reduces it by
 * min/max bucketing: the range is cut into equal-count buckets and each bucket keeps its smallest and its
 * largest value (in step order), so spikes stay visible however far a series is reduced; the range's first
 * and last points are always kept. NaN values are skipped when looking for extremes; a bucket of NaN
 * only keeps one NaN point, so gaps stay visible. Stateless and thread-safe.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /** Points by index, ordered by step: a list of points or primitive columns. */
    private interface Source {
        int size();

        long step(int i);

        double value(int i);

        long wallMillis(int i);
    }

    /**
     * The points of {@code sorted} (ordered by step) that {@code query} selects, reduced to at most
     * {@code query.maxPoints()} points when that is not 0.
     */
    public static MetricSeries select(long trialId, String name, List<MetricPoint> sorted, SeriesQuery query) {
        return select(trialId, name, new Source() {
            @Override
            public int size() {
                return sorted.size();
            }

            @Override
            public long step(int i) {
                return sorted.get(i).step();
            }

            @Override
            public double value(int i) {
                return sorted.get(i).value();
            }

            @Override
            public long wallMillis(int i) {
                return sorted.get(i).wallTime().toEpochMilli();
            }
        }, query);
    }

    /**
     * As {@link #select(long, String, List, SeriesQuery)} over the first {@code size} entries of columns
     * ordered by step; wall times in nanoseconds since the epoch.
     */
    public static MetricSeries select(long trialId, String name, long[] steps, double[] values, long[] wallNanos,
                                      int size, SeriesQuery query) {
        return select(trialId, name, new Source() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public long step(int i) {
                return steps[i];
            }

            @Override
            public double value(int i) {
                return values[i];
            }

            @Override
            public long wallMillis(int i) {
                return Math.floorDiv(wallNanos[i], 1_000_000L);
            }
        }, query);
    }

    private static MetricSeries select(long trialId, String name, Source sorted, SeriesQuery query) {
        long lowest = Math.max(query.fromStep(), query.afterStep() == Long.MIN_VALUE ? Long.MIN_VALUE
                : query.afterStep() + 1);
        int from = firstAtOrAfter(sorted, lowest);
        int to = query.toStep() == Long.MAX_VALUE ? sorted.size() : firstAtOrAfter(sorted, query.toStep() + 1);
        int count = Math.max(0, to - from);
        int max = query.maxPoints();
        if (max == 0 || count <= max) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = from + i;
            }
            return build(trialId, name, sorted, all, all.length, count, false);
        }
        int[] keep = new int[max];
        int n = 0;
        keep[n++] = from;
        int buckets = (max - 2) / 2;
        int inner = count - 2;
        for (int b = 0; b < buckets; b++) {
            int start = from + 1 + (int) ((long) b * inner / buckets);
            int end = from + 1 + (int) ((long) (b + 1) * inner / buckets);
            n = keepExtremes(sorted, start, end, keep, n);
        }
        keep[n++] = to - 1;
        return build(trialId, name, sorted, keep, n, count, true);
    }

    private static int keepExtremes(Source sorted, int start, int end, int[] keep, int n) {
        if (start >= end) {
            return n;
        }
        int lo = -1;
        int hi = -1;
        for (int i = start; i < end; i++) {
            double v = sorted.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (lo < 0 || v < sorted.value(lo)) {
                lo = i;
            }
            if (hi < 0 || v > sorted.value(hi)) {
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

    private static MetricSeries build(long trialId, String name, Source sorted, int[] idx, int n,
                                      int total, boolean reduced) {
        long[] steps = new long[n];
        double[] values = new double[n];
        long[] walls = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = sorted.step(idx[i]);
            values[i] = sorted.value(idx[i]);
            walls[i] = sorted.wallMillis(idx[i]);
        }
        return new MetricSeries(trialId, name, total, reduced, steps, values, walls);
    }

    /** Index of the first point whose step is at least {@code step} (binary search). */
    private static int firstAtOrAfter(Source sorted, long step) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.step(mid) < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
