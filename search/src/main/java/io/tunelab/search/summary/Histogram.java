package io.tunelab.search.summary;

import java.util.Arrays;

/**
 * A histogram as TensorBoard keeps it: summary statistics and buckets, bucket {@code i} counting the
 * values in {@code [limits[i - 1], limits[i])} (the first from minus infinity). {@link #of(double[])}
 * uses TensorBoard's default limits (±1e-12 growing by 10% to ±1e20, 0 and ±{@code Double.MAX_VALUE})
 * and merges each run of empty buckets into one, as TensorFlow's writer does.
 *
 * @param min        smallest value (+infinity when empty)
 * @param max        largest value (-infinity when empty)
 * @param num        number of values
 * @param sum        sum of the values
 * @param sumSquares sum of their squares
 * @param limits     right edges of the buckets, non-decreasing (TensorFlow 2 writes empty-width buckets for a single value)
 * @param counts     count of each bucket, as many as {@code limits}
 */
public record Histogram(double min, double max, double num, double sum, double sumSquares, double[] limits, double[] counts)
        implements SummaryValue {
    private static final double[] DEFAULT_LIMITS = defaultLimits();

    public Histogram {
        if (limits.length != counts.length) {
            throw new InvalidSummaryException("histogram: " + limits.length + " bucket limits but " + counts.length
                    + " counts; expected as many of each");
        }
        for (int i = 1; i < limits.length; i++) {
            if (!(limits[i] >= limits[i - 1])) {
                throw new InvalidSummaryException("histogram: bucket limit " + i + " is " + limits[i] + " after "
                        + limits[i - 1] + "; expected non-decreasing limits");
            }
        }
        limits = limits.clone();
        counts = counts.clone();
    }

    /** Buckets {@code values} (NaN values are left out, as TensorFlow does not count them either). */
    public static Histogram of(double[] values) {
        double[] counts = new double[DEFAULT_LIMITS.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        long num = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            counts[bucketOf(v)]++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
            num++;
        }
        return merged(min, max, num, sum, sumSquares, counts);
    }

    /**
     * A histogram bucketed by the caller: bucket {@code i} holds {@code counts[i]} values in
     * {@code [edges[i], edges[i + 1])}, so there is one more edge than counts. The sums are estimated
     * from the bucket centres, as TensorBoard does for TensorFlow 2's histograms.
     */
    public static Histogram ofBuckets(double[] edges, double[] counts) {
        if (edges.length != counts.length + 1) {
            throw new InvalidSummaryException("histogram: " + edges.length + " edges for " + counts.length
                    + " buckets; expected one edge more than buckets");
        }
        double num = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < counts.length; i++) {
            if (!(counts[i] >= 0)) {
                throw new InvalidSummaryException("histogram: bucket " + i + " counts " + counts[i]
                        + "; expected a count of at least 0");
            }
            double centre = (edges[i] + edges[i + 1]) / 2;
            num += counts[i];
            sum += centre * counts[i];
            sumSquares += centre * centre * counts[i];
        }
        return new Histogram(edges[0], edges[edges.length - 1], num, sum, sumSquares,
                Arrays.copyOfRange(edges, 1, edges.length), counts);
    }

    @Override
    public SummaryKind kind() {
        return SummaryKind.HISTOGRAM;
    }

    /** The right edges of each bucket, a copy. */
    @Override
    public double[] limits() {
        return limits.clone();
    }

    /** The count of each bucket, a copy. */
    @Override
    public double[] counts() {
        return counts.clone();
    }

    /** Number of buckets. */
    public int size() {
        return limits.length;
    }

    private static int bucketOf(double v) {
        int at = Arrays.binarySearch(DEFAULT_LIMITS, v);
        // Equal to a limit: the bucket to its right, as C++'s upper_bound picks; else the insertion point.
        int bucket = at >= 0 ? at + 1 : -at - 1;
        return Math.min(bucket, DEFAULT_LIMITS.length - 1);
    }

    private static Histogram merged(double min, double max, long num, double sum, double sumSquares, double[] counts) {
        double[] outLimits = new double[counts.length];
        double[] outCounts = new double[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length;) {
            double end = DEFAULT_LIMITS[i];
            double count = counts[i];
            i++;
            if (count <= 0) {
                while (i < counts.length && counts[i] <= 0) {
                    end = DEFAULT_LIMITS[i];
                    i++;
                }
            }
            outLimits[n] = end;
            outCounts[n] = count;
            n++;
        }
        return new Histogram(min, max, num, sum, sumSquares, Arrays.copyOf(outLimits, n), Arrays.copyOf(outCounts, n));
    }

    private static double[] defaultLimits() {
        double[] positive = new double[1000];
        int n = 0;
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            positive[n++] = v;
        }
        positive[n++] = Double.MAX_VALUE;
        double[] all = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            all[n - 1 - i] = -positive[i];
            all[n + 1 + i] = positive[i];
        }
        all[n] = 0.0;
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                && Double.compare(num, h.num) == 0 && Double.compare(sum, h.sum) == 0
                && Double.compare(sumSquares, h.sumSquares) == 0 && Arrays.equals(limits, h.limits)
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(limits) + Arrays.hashCode(counts) + Double.hashCode(num);
    }

    @Override
    public String toString() {
        return "Histogram[num=" + num + ", min=" + min + ", max=" + max + ", buckets=" + limits.length + "]";
    }
}
