package io.tunelab.search.sampler.tpe;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Arrays;

/**
 * One parameter's values across an {@link ObservationLog}, as primitives: per observation (by its
 * position in trial-number order) the unit coordinate of {@link SearchSpaceTransform} (the choice
 * index for categoricals), or NaN when the trial does not hold the parameter with this exact
 * distribution. Also keeps the positions that hold a value sorted by (value, position), so that
 * neighbour-based bandwidths need no sort per decision. Updated in O(n) per inserted observation.
 * Not thread-safe: guarded by its log.
 */
final class ObservationColumn {
    private final String name;
    private final Distribution distribution;
    private double[] values = new double[16];
    private int size;
    private int[] sorted = new int[16];
    private int held;

    ObservationColumn(String name, Distribution distribution) {
        this.name = name;
        this.distribution = distribution;
    }

    String name() {
        return name;
    }

    Distribution distribution() {
        return distribution;
    }

    /** The coordinate of {@code t}'s value of this parameter, NaN when it holds none (or another distribution). */
    double valueOf(FrozenTrial t) {
        if (!distribution.equals(t.distributions().get(name))) {
            return Double.NaN;
        }
        double internal = t.internalParam(name);
        return distribution instanceof CategoricalDistribution ? internal
                : SearchSpaceTransform.encode(distribution, internal);
    }

    /** The value at a position (NaN if not held). */
    double value(int position) {
        return values[position];
    }

    /** The backing array of values by position; valid up to the log's size, not to be modified. */
    double[] values() {
        return values;
    }

    /** Number of observations holding a value. */
    int held() {
        return held;
    }

    /** The positions holding a value, ascending by (value, position); valid up to {@link #held()}. */
    int[] sortedPositions() {
        return sorted;
    }

    /** Inserts the value of an observation that now sits at {@code position}; later positions shift up by one. */
    void insert(int position, double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(values, position, values, position + 1, size - position);
        values[position] = value;
        size++;
        if (position < size - 1) {
            for (int i = 0; i < held; i++) {
                if (sorted[i] >= position) {
                    sorted[i]++;
                }
            }
        }
        if (Double.isNaN(value)) {
            return;
        }
        int lo = 0;
        int hi = held;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int p = sorted[mid];
            if (values[p] < value || values[p] == value && p < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (held == sorted.length) {
            sorted = Arrays.copyOf(sorted, held * 2);
        }
        System.arraycopy(sorted, lo, sorted, lo + 1, held - lo);
        sorted[lo] = position;
        held++;
    }
}
