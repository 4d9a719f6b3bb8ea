package io.tunelab.search.sampler.gp;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The box of the unit cube the GP's acquisition is maximised in: the whole cube ({@link #whole}), TuRBO-1's trust
 * region ({@link #adaptive}), or the box of a local step ({@link #around}). The local step's box is a trust region
 * too, but set by the data rather than by a success counter: centred on the best feasible observation, with
 * the half-width per numeric coordinate that just holds the best {@code max(d + 1, ⌈n / 10⌉)} feasible
 * observations ({@code d} numeric coordinates, {@code n} feasible observations), at least
 * {@value #MIN_HALF_WIDTH}, clipped to [0, 1]. Where the best trials cluster (a basin found) the box is
 * small and the step refines; where they are spread over several basins it is large and the step stays
 * global. Coordinates that are not numeric (one-hot categoricals) keep [0, 1]. Immutable.
 *
 * @param lower lower bound per coordinate
 * @param upper upper bound per coordinate
 */
record TrustRegion(double[] lower, double[] upper) {
    static final double MIN_HALF_WIDTH = 0.01;

    /** The whole unit cube of {@code dimension} coordinates. */
    static TrustRegion whole(int dimension) {
        double[] upper = new double[dimension];
        Arrays.fill(upper, 1);
        return new TrustRegion(new double[dimension], upper);
    }

    /**
     * The box around the best of the observations {@code x} (unit cube) with losses {@code loss}, counting
     * only {@code feasible} ones; the whole cube when none is feasible.
     */
    static TrustRegion around(double[][] x, double[] loss, boolean[] feasible, boolean[] numeric) {
        int d = numeric.length;
        Integer[] order = java.util.stream.IntStream.range(0, x.length).filter(i -> feasible[i]).boxed()
                .sorted(Comparator.comparingDouble(i -> loss[i])).toArray(Integer[]::new);
        if (order.length == 0) {
            return whole(d);
        }
        int numericCount = 0;
        for (boolean b : numeric) {
            numericCount += b ? 1 : 0;
        }
        int keep = Math.min(order.length, Math.max(numericCount + 1, (order.length + 9) / 10));
        double[] best = x[order[0]];
        double[] half = new double[d];
        for (int j = 0; j < d; j++) {
            half[j] = MIN_HALF_WIDTH;
            for (int k = 1; k < keep; k++) {
                half[j] = Math.max(half[j], Math.abs(x[order[k]][j] - best[j]));
            }
        }
        return box(best, half, numeric);
    }

    /**
     * TuRBO-1's box (Eriksson et al. 2019): centred on {@code centre}, with side {@code length × wⱼ} in numeric
     * coordinate {@code j}, where {@code wⱼ} is the coordinate's length scale over the geometric mean of the numeric
     * coordinates' length scales (a direction the model finds smooth gets a longer side); at least
     * {@value #MIN_HALF_WIDTH} on each side, clipped to [0, 1]. Non-numeric coordinates keep [0, 1].
     *
     * @param length       the side length before scaling ({@link TurboLength})
     * @param lengthScales the kernel's length scale per kernel parameter
     * @param group        the kernel parameter of each coordinate ({@link KernelLayout#group})
     */
    static TrustRegion adaptive(double[] centre, double length, double[] lengthScales, int[] group, boolean[] numeric) {
        int d = numeric.length;
        double logMean = 0;
        int count = 0;
        for (int j = 0; j < d; j++) {
            if (numeric[j]) {
                logMean += Math.log(lengthScales[group[j]]);
                count++;
            }
        }
        logMean /= Math.max(1, count);
        double[] half = new double[d];
        for (int j = 0; j < d; j++) {
            half[j] = Math.max(MIN_HALF_WIDTH, Math.exp(Math.log(lengthScales[group[j]]) - logMean) * length / 2);
        }
        return box(centre, half, numeric);
    }

    /** The box {@code centre ± half} clipped to [0, 1] in numeric coordinates, [0, 1] in the others. */
    private static TrustRegion box(double[] centre, double[] half, boolean[] numeric) {
        int d = numeric.length;
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            lower[j] = numeric[j] ? Math.max(0, centre[j] - half[j]) : 0;
            upper[j] = numeric[j] ? Math.min(1, centre[j] + half[j]) : 1;
        }
        return new TrustRegion(lower, upper);
    }

    /** {@code v} moved into the box in coordinate {@code j}. */
    double clip(int j, double v) {
        return Math.min(upper[j], Math.max(lower[j], v));
    }

    /** A uniform draw in the box in coordinate {@code j}, from {@code u} uniform in [0, 1). */
    double draw(int j, double u) {
        return lower[j] + u * (upper[j] - lower[j]);
    }
}
