package io.tunelab.tracker.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A series (or a step range of one) as primitive columns, in step order (then wall time, then logging
 * order), so a long series is read and reduced without an object per point. The arrays are the
 * caller's; indexes past {@code size} are unused.
 *
 * @param steps  steps
 * @param values values (may be NaN or infinite)
 * @param walls  wall times, nanoseconds since the epoch
 * @param size   number of points
 */
public record SeriesColumns(long[] steps, double[] values, long[] walls, int size) {

    /** These columns in step order; themselves when they already are (the usual case: steps logged in order). */
    public SeriesColumns sortedByStep() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = steps[i - 1] < steps[i] || steps[i - 1] == steps[i] && walls[i - 1] <= walls[i];
        }
        if (sorted) {
            return this;
        }
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> steps[i]).thenComparingLong(i -> walls[i]));
        long[] s = new long[size];
        double[] v = new double[size];
        long[] w = new long[size];
        for (int i = 0; i < size; i++) {
            s[i] = steps[order[i]];
            v[i] = values[order[i]];
            w[i] = walls[order[i]];
        }
        return new SeriesColumns(s, v, w, size);
    }
}
