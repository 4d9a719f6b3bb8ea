package io.tunelab.dashboard.data;

import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.metrics.Downsampler;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Applies a {@link SeriesQuery} to a metric series ordered by step: selects its step range and, when that
 * holds more points than asked for, reduces it with the tracker's min/max {@link Downsampler} (first and
 * last point kept, each equal-count bucket's smallest and largest value, an all-NaN bucket as a gap).
 * Stateless and thread-safe.
 */
public final class SeriesSelector {
    private SeriesSelector() {
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
        int[] keep = query.maxPoints() == 0 ? IntStream.range(from, to).toArray()
                : Downsampler.minMax(sorted::value, from, to, query.maxPoints());
        return build(trialId, name, sorted, keep, count);
    }

    private static MetricSeries build(long trialId, String name, Source sorted, int[] idx, int total) {
        long[] steps = new long[idx.length];
        double[] values = new double[idx.length];
        long[] walls = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            steps[i] = sorted.step(idx[i]);
            values[i] = sorted.value(idx[i]);
            walls[i] = sorted.wallMillis(idx[i]);
        }
        return new MetricSeries(trialId, name, total, idx.length < total, steps, values, walls);
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
