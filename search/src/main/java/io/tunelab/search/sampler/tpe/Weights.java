package io.tunelab.search.sampler.tpe;

import java.util.Arrays;

/**
 * Component weights of a {@link ParzenEstimator}: observations oldest first, the prior last.
 * {@link #of}: the 25 most recent observations weigh 1; older ones ramp linearly from {@code 1/n} up
 * to 1, so that the estimator follows the search as it moves (Bergstra et al. 2011; Optuna's
 * default). {@link #improvement}: for the good group, each observation weighs its improvement on the
 * split threshold, as expected improvement would (Song et al. 2022, "A general recipe for
 * likelihood-free Bayesian optimization", ICML; Watanabe 2023, "Tree-structured Parzen estimator:
 * understanding its algorithm components", arXiv:2304.11127), so l(x) concentrates on the best
 * points instead of spreading evenly over the top 10%. With several objectives the good group's weights are {@link
 * ParetoSelection#weights}. Stateless.
 */
final class Weights {
    private static final int FLAT = 25;

    private Weights() {
    }

    /** {@code n} observation weights followed by {@code priorWeight}. */
    static double[] of(int n, double priorWeight) {
        double[] w = new double[n + 1];
        Arrays.fill(w, 1.0);
        if (n >= FLAT) {
            int ramp = n - FLAT;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
            }
        }
        w[n] = priorWeight;
        return w;
    }

    /** {@code observations} (one weight each) followed by {@code priorWeight}. */
    static double[] withPrior(double[] observations, double priorWeight) {
        double[] w = Arrays.copyOf(observations, observations.length + 1);
        w[observations.length] = priorWeight;
        return w;
    }

    /** Smallest weight of a good observation, so that ties with the threshold keep a kernel. */
    private static final double MIN_IMPROVEMENT = 1e-12;

    /**
     * Improvement weights {@code max(threshold − loss, 1e-12)} for the good group's {@code losses}
     * (NaN for observations without a feasible loss, which get the minimum), followed by the prior's:
     * {@code priorWeight} times their mean, so the prior keeps its share of one average observation.
     * Null when {@code threshold} is not finite (no feasible bad observation to measure against).
     */
    static double[] improvement(double[] losses, double threshold, double priorWeight) {
        if (!Double.isFinite(threshold)) {
            return null;
        }
        int n = losses.length;
        double[] w = new double[n + 1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double gain = threshold - losses[i];
            w[i] = Double.isNaN(gain) ? MIN_IMPROVEMENT : Math.max(MIN_IMPROVEMENT, gain);
            sum += w[i];
        }
        w[n] = priorWeight * (n == 0 ? 1 : sum / n);
        return w;
    }
}
