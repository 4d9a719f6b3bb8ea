package io.tunelab.tracker.metrics;

import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import java.util.ArrayList;
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

    /** The downsampled series; the input when it already has at most {@code maxPoints} points. */
    public static List<MetricPoint> minMax(List<MetricPoint> points, int maxPoints) {
        if (maxPoints < 2) {
            throw TrackerException.invalid("maxPoints must be at least 2, got " + maxPoints);
        }
        if (points.size() <= maxPoints) {
            List<MetricPoint> all = new ArrayList<>(points);
            all.sort(Comparator.comparingLong(MetricPoint::step));
            return all;
        }
        int buckets = maxPoints / 2;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (MetricPoint p : points) {
            lo = Math.min(lo, p.step());
            hi = Math.max(hi, p.step());
        }
        double width = ((double) hi - lo + 1) / buckets;
        int[] minAt = new int[buckets];
        int[] maxAt = new int[buckets];
        int[] anyAt = new int[buckets];
        java.util.Arrays.fill(minAt, -1);
        java.util.Arrays.fill(maxAt, -1);
        java.util.Arrays.fill(anyAt, -1);
        for (int i = 0; i < points.size(); i++) {
            MetricPoint p = points.get(i);
            int b = (int) Math.min(buckets - 1, (long) ((p.step() - lo) / width));
            if (anyAt[b] < 0) {
                anyAt[b] = i;
            }
            double v = p.value();
            if (Double.isNaN(v)) {
                continue;
            }
            if (minAt[b] < 0 || v < points.get(minAt[b]).value()) {
                minAt[b] = i;
            }
            if (maxAt[b] < 0 || v > points.get(maxAt[b]).value()) {
                maxAt[b] = i;
            }
        }
        List<MetricPoint> out = new ArrayList<>(maxPoints);
        for (int b = 0; b < buckets; b++) {
            if (anyAt[b] < 0) {
                continue;
            }
            if (minAt[b] < 0) {
                out.add(points.get(anyAt[b]));
                continue;
            }
            MetricPoint a = points.get(minAt[b]);
            MetricPoint z = points.get(maxAt[b]);
            if (minAt[b] == maxAt[b]) {
                out.add(a);
            } else if (a.step() <= z.step()) {
                out.add(a);
                out.add(z);
            } else {
                out.add(z);
                out.add(a);
            }
        }
        return out;
    }
}
